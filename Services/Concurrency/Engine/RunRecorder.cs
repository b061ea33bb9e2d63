using System.Collections.Concurrent;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// Records what a run really did, item by item, from any thread: start and end times,
/// lanes, outcomes, how many items were in flight at once. Reports are built from it
/// while the run goes on and after.
/// </summary>
public sealed class RunRecorder
{
    private readonly TimelineEntry?[] _timeline;
    private readonly ItemOutcome?[] _outcomes;
    private readonly ConcurrentDictionary<string, int> _errors = new();
    private readonly ConcurrentDictionary<WorkerIdentity, int> _workers = new();
    private readonly TimeProvider _clock;
    private readonly long _startedTimestamp;
    private int _done;
    private int _succeeded;
    private long _bytes;
    private long _childCpuTicks;
    private long _ownCpuTicks;
    private int _ownsCpu;
    private int _retries;
    private long _serverQueueTicks;

    // A server reports a few microseconds of "queue" for a request it served at once.
    private const double QueuedAtServerMs = 1;
    private int _serverQueued;
    private long _dispatchTicks;
    private int _dispatched;
    private readonly ConcurrentDictionary<int, double> _startupMs = new();
    private long _clockStoppedTimestamp;

    /// <param name="clock">The run's clock (the system's, unless a test drives it).</param>
    public RunRecorder(int itemCount, TimeProvider? clock = null)
    {
        _timeline = new TimelineEntry?[itemCount];
        _outcomes = new ItemOutcome?[itemCount];
        _clock = clock ?? TimeProvider.System;
        _startedTimestamp = _clock.GetTimestamp();
    }

    /// <summary>Now, on the run's clock: items take their start and end times here.</summary>
    public long Timestamp() => _clock.GetTimestamp();

    /// <summary>Time between two timestamps of the run's clock.</summary>
    public TimeSpan Between(long startTimestamp, long endTimestamp) => _clock.GetElapsedTime(startTimestamp, endTimestamp);

    public InFlightGauge InFlight { get; } = new();

    public ThreadPoolSampler ThreadPool { get; } = new();

    public int Total => _timeline.Length;

    public int Done => Volatile.Read(ref _done);

    public int Succeeded => Volatile.Read(ref _succeeded);

    public long Bytes => Interlocked.Read(ref _bytes);

    public double ElapsedMs => _clock.GetElapsedTime(_startedTimestamp).TotalMilliseconds;

    /// <summary>The run's wall time: until its clock was stopped, or until now.</summary>
    public double WallMs => Interlocked.Read(ref _clockStoppedTimestamp) is var stopped and not 0
        ? Between(_startedTimestamp, stopped).TotalMilliseconds
        : ElapsedMs;

    /// <summary>
    /// Ends the run's wall time before the run itself ends: a strategy calls it when its
    /// work is done and what remains is the lab's own clean-up. The first call counts.
    /// </summary>
    public void StopClock() => Interlocked.CompareExchange(ref _clockStoppedTimestamp, Timestamp(), 0);

    /// <summary>Milliseconds since the run began, for a timestamp of the run's clock.</summary>
    public double OffsetMs(long timestamp) => Between(_startedTimestamp, timestamp).TotalMilliseconds;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    /// <summary>CPU time of worker processes, read before each exits.</summary>
    public TimeSpan ChildCpu => TimeSpan.FromTicks(Interlocked.Read(ref _childCpuTicks));

    /// <summary>Start-up time of each worker process, by pid.</summary>
    public IReadOnlyDictionary<int, double> StartupMs => _startupMs;

    public void AddChildCpu(TimeSpan cpu) => Interlocked.Add(ref _childCpuTicks, cpu.Ticks);

    /// <summary>
    /// CPU time of the threads and processes the run owns (its dedicated threads, its
    /// worker processes, its items on replicas), apart from anything else in the process;
    /// null where the strategy runs on shared threads (the thread pool, async IO).
    /// </summary>
    public TimeSpan? OwnCpu => Volatile.Read(ref _ownsCpu) == 1 ? TimeSpan.FromTicks(Interlocked.Read(ref _ownCpuTicks)) : null;

    /// <summary>A strategy that owns where its work runs adds that CPU time here.</summary>
    public void AddOwnCpu(TimeSpan cpu)
    {
        Volatile.Write(ref _ownsCpu, 1);
        Interlocked.Add(ref _ownCpuTicks, cpu.Ticks);
    }

    /// <summary>Failed attempts that were retried elsewhere, over all items.</summary>
    public int Retries => Volatile.Read(ref _retries);

    /// <summary>Mean dispatch time per item sent to a worker process or replica: the runner's time less the worker's; null when none was.</summary>
    public double? DispatchMs => Volatile.Read(ref _dispatched) is > 0 and var count
        ? TimeSpan.FromTicks(Interlocked.Read(ref _dispatchTicks)).TotalMilliseconds / count
        : null;

    /// <summary>Items the server held in its queue, and for how long in all (Server-Timing).</summary>
    public (int Items, TimeSpan Total) ServerQueue => (Volatile.Read(ref _serverQueued), TimeSpan.FromTicks(Interlocked.Read(ref _serverQueueTicks)));

    public void AddStartup(int pid, double milliseconds) => _startupMs[pid] = milliseconds;

    public IReadOnlyDictionary<WorkerIdentity, int> Workers => _workers;

    /// <summary>Makes a worker appear in the report even before it finishes an item.</summary>
    public void AddWorker(WorkerIdentity worker) => _workers.TryAdd(worker, 0);

    /// <summary>Records a finished item; times are timestamps of the run's clock.</summary>
    /// <param name="onCpuMs">The item's on-CPU time where a thread held it; kept within its duration (the two clocks tick apart).</param>
    public TimelineEntry Record(int index, WorkerIdentity worker, string lane, long startTimestamp, long endTimestamp, ItemOutcome outcome,
        double? onCpuMs = null)
    {
        var startMs = OffsetMs(startTimestamp);
        var durationMs = Between(startTimestamp, endTimestamp).TotalMilliseconds;
        if (Interlocked.CompareExchange(ref _outcomes[index], outcome, null) is not null)
            throw new InvalidOperationException($"Item {index} was recorded twice.");
        var entry = new TimelineEntry(index, lane, startMs, durationMs, outcome.Ok, onCpuMs is { } cpu ? Math.Clamp(cpu, 0, durationMs) : null);
        Volatile.Write(ref _timeline[index], entry);
        _workers.AddOrUpdate(worker, 1, (_, count) => count + 1);
        Interlocked.Add(ref _retries, outcome.Retries);
        if (outcome.WorkerElapsedMs is { } inWorker && outcome.Retries == 0)
        {
            Interlocked.Increment(ref _dispatched);
            Interlocked.Add(ref _dispatchTicks, TimeSpan.FromMilliseconds(Math.Max(durationMs - inWorker, 0)).Ticks);
        }

        if (outcome.ServerQueueMs is >= QueuedAtServerMs and var queued)
        {
            Interlocked.Increment(ref _serverQueued);
            Interlocked.Add(ref _serverQueueTicks, TimeSpan.FromMilliseconds(queued).Ticks);
        }
        if (outcome.CpuMs > 0)
            AddChildCpu(TimeSpan.FromMilliseconds(outcome.CpuMs));
        if (outcome.Ok)
        {
            Interlocked.Increment(ref _succeeded);
            Interlocked.Add(ref _bytes, outcome.Bytes);
        }
        else
        {
            _errors.AddOrUpdate(outcome.Error ?? "error", 1, (_, count) => count + 1);
        }

        Interlocked.Increment(ref _done);
        return entry;
    }

    /// <summary>The finished items so far, in index order.</summary>
    public IReadOnlyList<TimelineEntry> Timeline() =>
        _timeline.OfType<TimelineEntry>().ToList();

    public IReadOnlyList<(int Index, ItemOutcome Outcome)> Outcomes() =>
        _outcomes.Select((outcome, index) => (index, outcome)).Where(pair => pair.outcome is not null)
            .Select(pair => (pair.index, pair.outcome!)).ToList();
}
