namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// One item as a bar: which lane, when it started after the run began, how long, and where
/// that time went. Every item is ready when its run starts (the study's executors take them
/// from one queue), so the time before it started is the time it waited for a lane, a
/// worker or a pool thread.
/// </summary>
/// <param name="OnCpuMs">The CPU time of the thread or worker that did it; null where no thread held it (async).</param>
public sealed record TimelineEntry(int Index, string Lane, double StartMs, double DurationMs, bool Ok, double? OnCpuMs = null)
{
    /// <summary>Waiting for a lane, a worker or a pool thread: from the run's start to the item's.</summary>
    public double QueuedMs => StartMs;

    /// <summary>The rest of its duration, off-CPU (waiting on IO, a lock, a pipe); null with OnCpuMs.</summary>
    public double? WaitingMs => OnCpuMs is { } onCpu ? DurationMs - onCpu : null;
}
