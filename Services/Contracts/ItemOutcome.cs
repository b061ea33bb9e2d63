namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// What one work item produced. A failure is an outcome, not an exception: the run
/// counts it by reason and carries on.
/// </summary>
/// <param name="WaitMs">Time the item spent waiting for a lock (the gil strategy).</param>
/// <param name="Retries">Attempts that failed before this outcome (a lost replica).</param>
/// <param name="CpuMs">CPU time spent on the item in another process (a replica), for the run's CPU account.</param>
/// <param name="OnCpuMs">The item's own on-CPU time, where the thread that did it measured it (a worker process, a replica);
/// null leaves it to the item runner, which measures the thread that held the item.</param>
/// <param name="WorkerElapsedMs">The item's time as the worker process or replica that did it measured it: the rest of
/// the runner's time is the dispatch (pipe or HTTP round trip).</param>
/// <param name="ServerQueueMs">Time the server held the request in its queue before serving it (SiteStub's Server-Timing "queue").</param>
public sealed record ItemOutcome(bool Ok, string? Error = null, long Bytes = 0, string? Value = null,
    double? WaitMs = null, int Retries = 0, double CpuMs = 0, double? OnCpuMs = null, double? ServerQueueMs = null,
    double? WorkerElapsedMs = null)
{
    public static ItemOutcome Success(long bytes = 0, string? value = null) => new(true, null, bytes, value);

    public static ItemOutcome Failure(string reason) => new(false, reason);
}
