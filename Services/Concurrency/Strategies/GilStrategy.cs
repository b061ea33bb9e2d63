using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// W threads that must hold one global lock to compute, handing it over every
/// switchIntervalMs: CPython's threads, emulated. CPU-bound work runs no faster than
/// sequential (slower, for the hand-overs); each item records how long it waited.
/// </summary>
public sealed class GilStrategy : IStrategy
{
    public string Name => StrategyNames.Gil;

    public string WorkerKind => WorkerKinds.Thread;

    public string Description =>
        "W threads that must hold one global lock to compute, handed over every switchIntervalMs (CPython's GIL, emulated): no parallelism, each item's lock wait recorded.";

    public IReadOnlyList<string> Parameters => ["workers", "switchIntervalMs"];

    public string? Lesson(RunReport loser, RunReport? sequential)
    {
        // Say "no faster than one" only where the sequential run shows it.
        var overSequential = sequential is null ? (double?)null : sequential.WallMs / loser.WallMs;
        return overSequential is null or < 1.15
            ? FormattableString.Invariant($"its threads must take turns holding one global lock, so {loser.Workers} threads computed no faster than one.")
            : FormattableString.Invariant($"its threads must take turns holding one global lock; it ran {overSequential:0.00}× as fast as sequential here, where {loser.Workers} unlocked threads could reach {loser.Workers}×.");
    }

    // Its items are CPU work: what they spent off-CPU is the wait for the lock.
    public Limiter? Limit(RunReport run, int cores) =>
        run.Workers > 1 && run.TimeSplit is { OffCpuShare: not null } split
            ? new(LimiterNames.Gil, FormattableString.Invariant(
                $"{run.Workers} threads took turns holding one lock: their items spent {split.WaitingMs:N0} ms off-CPU waiting for it against {split.OnCpuMs:N0} ms computing ({split.OffCpuShare:0%} waiting)."))
            : null;

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.Workers, items);

    // The lock serialises every item's CPU part; the rest could overlap across the threads.
    public double? PredictMs(PredictionInputs inputs) =>
        Math.Max(Prediction.Computing(inputs, lanes: 1), Prediction.Waves(inputs, inputs.Workers));

    public Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var gil = new GlobalInterpreterLock(TimeSpan.FromMilliseconds(run.Settings.SwitchIntervalMs));
        var queue = new ItemQueue(run.Workload.ItemCount);
        return DedicatedThreads.RunAsync(run.Settings.Workers, "gil-thread", _ =>
        {
            var worker = WorkerIdentity.CurrentThread(WorkerKinds.Thread);
            run.Recorder.AddWorker(worker);
            using var session = new LockedSession(run.Workload.CreateSession(), gil);
            while (queue.TryTake(out var index))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Items.RunBlocking(session, index, worker, cancellationToken);
            }
        }, run.Recorder);
    }

    /// <summary>Runs the inner work only while holding the lock, and reports the wait.</summary>
    private sealed class LockedSession(IWorkSession inner, GlobalInterpreterLock gil) : IWorkSession
    {
        public ItemOutcome Run(int index, CancellationToken cancellationToken)
        {
            var waited = gil.Acquire(cancellationToken);
            try
            {
                using (WorkCheckpoint.Install(() => waited += gil.MaybeHandOver(cancellationToken)))
                {
                    var outcome = inner.Run(index, cancellationToken);
                    return outcome with { WaitMs = waited.TotalMilliseconds };
                }
            }
            finally
            {
                gil.Release();
            }
        }

        public ValueTask<ItemOutcome> RunAsync(int index, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Run(index, cancellationToken));

        public void Dispose() => inner.Dispose();
    }
}
