using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// Runs one item wherever a strategy calls it, and measures it the same way every time:
/// a span under the run's root (where the run's trace policy says so), the in-flight
/// gauge, the timeline, the metrics (always, for every item). A failed item is an
/// outcome; only the run's cancellation escapes.
/// </summary>
public sealed class ItemRunner
{
    private readonly IWorkload _workload;
    private readonly RunRecorder _recorder;
    private readonly LabMetrics _metrics;
    private readonly ActivitySource _source;
    private readonly string _strategy;
    private readonly string? _instanceId;
    private readonly KeyValuePair<string, object?>[] _tags;

    public ItemRunner(IWorkload workload, RunRecorder recorder, LabMetrics metrics, ActivitySource source,
        ActivityContext rootContext, string strategy, string? instanceId, ItemTracing? tracing = null)
    {
        Tracing = tracing ?? new ItemTracing(TraceMode.Full, workload.ItemCount);
        _workload = workload;
        _recorder = recorder;
        _metrics = metrics;
        _source = source;
        _strategy = strategy;
        _instanceId = instanceId;
        _tags = [new("lab.workload", workload.Name), new("lab.strategy", strategy)];
        RootContext = rootContext;
    }

    public ActivityContext RootContext { get; }

    /// <summary>What the run traces, and how many items it traced so far.</summary>
    public ItemTracing Tracing { get; }

    public ItemOutcome RunBlocking(IWorkSession session, int index, WorkerIdentity worker, CancellationToken cancellationToken)
    {
        using var item = Begin(index, worker, worker.Id, holdsThread: true);
        ItemOutcome outcome;
        try
        {
            outcome = session.Run(index, cancellationToken);
        }
        catch (Exception error) when (IsItemFailure(error, cancellationToken))
        {
            outcome = ItemOutcome.Failure(error.GetType().Name);
        }

        item.End(outcome);
        return outcome;
    }

    public async ValueTask<ItemOutcome> RunAsync(IWorkSession session, int index, WorkerIdentity worker, string lane, CancellationToken cancellationToken)
    {
        using var item = Begin(index, worker, lane);
        ItemOutcome outcome;
        try
        {
            outcome = await session.RunAsync(index, cancellationToken);
        }
        catch (Exception error) when (IsItemFailure(error, cancellationToken))
        {
            outcome = ItemOutcome.Failure(error.GetType().Name);
        }

        item.End(outcome);
        return outcome;
    }

    // An item that throws failed, and says how; only the run's own cancellation escapes.
    private static bool IsItemFailure(Exception error, CancellationToken run) =>
        !run.IsCancellationRequested && error is not OperationCanceledException;

    /// <summary>
    /// Starts measuring an item; call End with its outcome, or dispose without End if the
    /// run was cancelled. tracedByWorker: a worker process makes the item's span itself
    /// when the item is traced in detail (it was sent DecideForWorker's traceparent).
    /// holdsThread: the calling thread does the whole item, so its CPU time is the item's.
    /// </summary>
    /// <param name="decided">The item's trace, where DecideForWorker made it when the item was sent ahead.</param>
    public ItemScope Begin(int index, WorkerIdentity worker, string lane, bool tracedByWorker = false, bool holdsThread = false, ItemTrace? decided = null)
    {
        var previous = Activity.Current;
        var trace = decided ?? Tracing.Decide(index, lane);
        Activity? span = null;
        Activity? quiet = null;
        if (trace != ItemTrace.Detail || !tracedByWorker)
        {
            span = trace == ItemTrace.None ? null : StartSpan(index, worker, lane);
            // Calls out of an item that is not traced in detail run under an unsampled
            // context: their client spans, and the server spans of whoever they call, are
            // not recorded, yet the trace id still flows.
            quiet = trace == ItemTrace.Detail ? null : StartQuiet(span?.Context ?? RootContext);
        }

        _metrics.ItemsInFlight.Add(1, _tags);
        var cpu = holdsThread ? new ThreadClock(Environment.CurrentManagedThreadId, ThreadCpuTime.Now()) : null;
        return new ItemScope(this, index, worker, lane, _recorder.InFlight.Enter(), span, quiet, previous, _recorder.Timestamp(), cpu);
    }

    /// <summary>
    /// Decides how an item a worker process traces itself is traced, before it begins: a
    /// worker fed ahead gets the request, with the context to join, while it still works on
    /// the item before. Pass the decision to Begin when the item does begin.
    /// </summary>
    public WorkerItemTrace DecideForWorker(int index, string lane)
    {
        var trace = Tracing.Decide(index, lane);
        // In detail, the worker's span sits under the root; otherwise its calls stay unsampled, in the run's trace.
        var context = trace == ItemTrace.Detail || RootContext == default
            ? RootContext
            : new ActivityContext(RootContext.TraceId, ActivitySpanId.CreateRandom(), ActivityTraceFlags.None);
        return new WorkerItemTrace(trace, TraceParent.Of(context));
    }

    private static Activity StartQuiet(ActivityContext parent)
    {
        // Made by hand, not by a source: no listener sees it, so it is never exported.
        var quiet = new Activity("lab.untraced");
        if (parent != default)
            quiet.SetParentId(parent.TraceId, parent.SpanId, ActivityTraceFlags.None);
        quiet.Start();
        quiet.ActivityTraceFlags = ActivityTraceFlags.None;
        return quiet;
    }

    private Activity? StartSpan(int index, WorkerIdentity worker, string lane)
    {
        var activity = _source.StartActivity(_workload.ItemSpanName, ActivityKind.Internal, RootContext);
        if (activity is null)
            return null;
        activity.SetTag("lab.strategy", _strategy);
        activity.SetTag("lab.item.index", index);
        activity.SetTag("lab.lane", lane);
        // For a worker process, the runner's thread only waits on the pipe: its id says nothing.
        if (worker.Kind != WorkerKinds.Process)
        {
            activity.SetTag("thread.id", Environment.CurrentManagedThreadId);
            activity.SetTag("thread.name", Thread.CurrentThread.Name);
        }

        activity.SetTag("process.pid", worker.Pid);
        if (_instanceId is not null)
            activity.SetTag("service.instance.id", _instanceId);
        return activity;
    }

    private void Finish(ItemScope item, ItemOutcome outcome, WorkerIdentity? servedBy, long endTimestamp)
    {
        var worker = servedBy ?? item.Worker;
        var duration = _recorder.Between(item.StartTimestamp, endTimestamp);
        // The item's on-CPU time: as its worker measured it, else its own thread's, else not attributable (async).
        var onCpuMs = outcome.OnCpuMs ?? item.Cpu?.ElapsedOnSameThread()?.TotalMilliseconds;
        var entry = _recorder.Record(item.Index, worker, servedBy?.Id ?? item.Lane, item.StartTimestamp, endTimestamp, outcome, onCpuMs);
        _metrics.ItemDuration.Record(duration.TotalSeconds, [_tags[0], _tags[1], new("lab.ok", outcome.Ok)]);
        if (item.Activity is not { } activity)
            return;
        activity.SetTag("lab.queued_ms", Math.Round(entry.QueuedMs, 3));
        if (entry.OnCpuMs is { } onCpu && entry.WaitingMs is { } waiting)
        {
            activity.SetTag("lab.on_cpu_ms", Math.Round(onCpu, 3));
            activity.SetTag("lab.waiting_ms", Math.Round(waiting, 3));
        }
        else
        {
            activity.SetTag("lab.on_cpu", "not attributable: no thread held the item");
        }

        if (outcome.Bytes > 0)
            activity.SetTag("lab.bytes", outcome.Bytes);
        if (outcome.WaitMs is { } waited)
            activity.SetTag("lab.lock_wait_ms", Math.Round(waited, 3));
        if (outcome.Retries > 0)
            activity.SetTag("lab.retries", outcome.Retries);
        if (servedBy is not null)
        {
            activity.SetTag("service.instance.id", servedBy.Id);
            activity.SetTag("process.pid", servedBy.Pid);
        }
        if (!outcome.Ok)
            activity.SetStatus(ActivityStatusCode.Error, outcome.Error);
    }

    /// <summary>An item's trace decided ahead, and the traceparent its worker joins.</summary>
    public sealed record WorkerItemTrace(ItemTrace Trace, string? TraceParent);

    /// <summary>The CPU clock of the thread that holds an item, read when it began.</summary>
    public sealed record ThreadClock(int Thread, TimeSpan? CpuAtBegin)
    {
        /// <summary>The CPU time since, when read on the same thread; null elsewhere or without the clock.</summary>
        public TimeSpan? ElapsedOnSameThread() =>
            Thread == Environment.CurrentManagedThreadId && CpuAtBegin is { } begin && ThreadCpuTime.Now() is { } now ? now - begin : null;
    }

    public sealed class ItemScope(
        ItemRunner runner, int index, WorkerIdentity worker, string lane, InFlightGauge.Scope inFlight,
        Activity? activity, Activity? quiet, Activity? previous, long startTimestamp, ThreadClock? cpu = null)
        : IDisposable
    {
        private bool _disposed;

        public int Index { get; } = index;

        public WorkerIdentity Worker { get; } = worker;

        public string Lane { get; } = lane;

        public Activity? Activity { get; } = activity;

        public long StartTimestamp { get; } = startTimestamp;

        /// <summary>The holding thread's CPU clock, for an item that one thread does whole.</summary>
        public ThreadClock? Cpu { get; } = cpu;

        /// <summary>Records the item; servedBy names who really did it (a replica) when the lane did not.</summary>
        public void End(ItemOutcome outcome, WorkerIdentity? servedBy = null) =>
            runner.Finish(this, outcome, servedBy, runner._recorder.Timestamp());

        public void Dispose()
        {
            if (_disposed)
                return;
            _disposed = true;
            inFlight.Dispose();
            runner._metrics.ItemsInFlight.Add(-1, runner._tags);
            quiet?.Stop();
            Activity?.Dispose();
            Activity.Current = previous;
        }
    }
}
