using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Runs;

public enum RunStatus
{
    Running,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>One run: its work, its strategy, its recorder, and how it ended.</summary>
public sealed class Run
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _overlapping = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _saved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Run(string id, IWorkload workload, IStrategy strategy, StrategySettings settings, object? request)
    {
        Id = id;
        Workload = workload;
        Strategy = strategy;
        Settings = settings;
        Request = request;
        Recorder = new RunRecorder(workload.ItemCount);
        StartedAt = DateTimeOffset.UtcNow;
    }

    public string Id { get; }

    public IWorkload Workload { get; }

    public IStrategy Strategy { get; }

    public StrategySettings Settings { get; }

    public object? Request { get; }

    public RunRecorder Recorder { get; }

    public DateTimeOffset StartedAt { get; }

    public RunStatus Status { get; private set; } = RunStatus.Running;

    public string? Error { get; private set; }

    public double? FinalWallMs { get; private set; }

    public double? FinalCpuMs { get; private set; }

    public ActivityTraceId? TraceId { get; set; }

    /// <summary>What the run traces, and how many items it traced so far.</summary>
    public ItemTracing? Tracing { get; set; }

    /// <summary>Whether this was the first run of its strategy in the process (JIT and first connections included).</summary>
    public bool MeasuredCold { get; init; }

    /// <summary>Runs of the same process that ran at some point while this one did.</summary>
    public int OverlappingRuns => _overlapping.Count;

    internal void NoteOverlap(string otherRunId) => _overlapping.TryAdd(otherRunId, 0);

    /// <summary>Spans this process recorded but did not export while the run went on (null: nothing exports).</summary>
    public long? SpansDropped { get; set; }

    public CancellationToken Cancellation => _cancel.Token;

    /// <summary>Completes when the run has ended and every thread and process of it is gone.</summary>
    public Task Finished => _finished.Task;

    /// <summary>Completes once the finished run was handed to the store (or there is none).</summary>
    public Task Saved => _saved.Task;

    /// <summary>Whether the store holds the finished run: null without a store or before the attempt.</summary>
    public bool? Stored { get; private set; }

    /// <summary>Why the store could not keep it, when it could not.</summary>
    public string? StoreError { get; private set; }

    internal void MarkSaved(bool? stored, string? error = null)
    {
        Stored = stored;
        StoreError = error;
        _saved.TrySetResult();
    }

    /// <summary>Asks the run to stop; a run that has already ended stays as it ended.</summary>
    public void Cancel()
    {
        if (Status == RunStatus.Running)
            _cancel.Cancel();
    }

    internal void End(RunStatus status, double wallMs, double cpuMs, string? error)
    {
        FinalWallMs = wallMs;
        FinalCpuMs = cpuMs;
        Error = error;
        Status = status;
        // The token source is not disposed: a late DELETE may still touch it.
        _finished.TrySetResult();
    }
}
