namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// The work a runner plugs into the engine: how to do item i, blocking or asynchronously.
/// Strategies decide only where and when items run; they know nothing of the work.
/// </summary>
public interface IWorkload
{
    /// <summary>"io" or "cpu".</summary>
    string Name { get; }

    /// <summary>The span name of one item, e.g. "io.download".</summary>
    string ItemSpanName { get; }

    int ItemCount { get; }

    /// <summary>
    /// Per-worker state (for example the study's thread-local HTTP session). A strategy
    /// makes one per worker, or one shared by all when the workload allows it.
    /// </summary>
    IWorkSession CreateSession();

    /// <summary>A worker-process request for item i: whatever the worker needs to do it.</summary>
    string DescribeForWorker(int index);

    /// <summary>The best wall time possible with this many items in flight at once.</summary>
    double IdealMs(int concurrency);

    /// <summary>
    /// Whether a worker process makes its items' spans itself (and so starts a telemetry
    /// exporter): needed when an item calls out and the callee's spans must join the trace
    /// under it. Otherwise the runner's span around the pipe round trip is the item's span.
    /// </summary>
    bool WorkersTraceItems { get; }

    /// <summary>Whether items return bytes to total in the report (downloads do).</summary>
    bool CountsBytes { get; }

    /// <summary>How many items the server they call serves at once (SiteStub's MaxConcurrent); null: no cap, or no server.</summary>
    int? ServerMaxConcurrent => null;

    /// <summary>The workload's own per-item results for the report, or null.</summary>
    object? Results(IReadOnlyList<(int Index, ItemOutcome Outcome)> outcomes);
}

public interface IWorkSession : IDisposable
{
    /// <summary>Does item i on the calling thread, blocking it while it waits.</summary>
    ItemOutcome Run(int index, CancellationToken cancellationToken);

    /// <summary>Does item i without holding a thread while it waits.</summary>
    ValueTask<ItemOutcome> RunAsync(int index, CancellationToken cancellationToken);
}
