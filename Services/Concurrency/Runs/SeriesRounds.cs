using ConcurrencyLab.Concurrency.Api;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// `rounds`: how many times a compare or a sweep measures each of its runs. One figure on a
/// shared 2-core machine is noise-bound; several give a median with its spread.
/// </summary>
public static class SeriesRounds
{
    public const int Max = 10;

    /// <summary>The rounds asked for (default 1), or an error naming the field and its limit.</summary>
    public static int Parse(int? rounds, RequestKind kind, out string? error)
    {
        error = rounds switch
        {
            null => null,
            < 1 or > Max => $"rounds must be between 1 and {Max}; got {rounds}.",
            > 1 when kind == RequestKind.Run =>
                "rounds applies to compare and sweep; for one strategy's median and spread, sweep it at one worker count (POST /{w}/sweep with workerCounts [W] and rounds).",
            _ => null,
        };
        return error is null ? rounds ?? 1 : 1;
    }
}
