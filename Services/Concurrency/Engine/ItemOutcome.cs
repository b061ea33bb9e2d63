namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// What one work item produced. A failure is an outcome, not an exception: the run
/// counts it by reason and carries on.
/// </summary>
public sealed record ItemOutcome(bool Ok, string? Error = null, long Bytes = 0, string? Value = null)
{
    public static ItemOutcome Success(long bytes = 0, string? value = null) => new(true, null, bytes, value);

    public static ItemOutcome Failure(string reason) => new(false, reason);
}
