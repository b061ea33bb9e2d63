using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// The same blocking calls, on .NET thread-pool threads, at most W at once. Beyond the
/// pool's minimum (the core count) the pool adds threads slowly, so W blocking items
/// start late: the report's thread-pool samples show the starvation.
/// </summary>
public sealed class ThreadPoolStrategy : IStrategy
{
    public string Name => StrategyNames.ThreadPool;

    public string WorkerKind => WorkerKinds.PoolThread;

    public string Description =>
        "W blocking calls queued to the .NET thread pool: past its minimum (one thread per core) it injects about 1-2 threads a second, so blocking work starves it.";

    public IReadOnlyList<string> Parameters => ["workers"];

    public string? Lesson(RunReport loser, RunReport? sequential)
    {
        var wanted = Math.Min(loser.Workers, loser.Items);
        return loser.PeakInFlight < wanted || loser.ThreadPoolThreads.Min < wanted
            ? FormattableString.Invariant($"{wanted} blocking calls needed {wanted} pool threads, but the pool started with {loser.ThreadPoolThreads.Min} and grew only slowly (to {loser.ThreadPoolThreads.Max}); at most {loser.PeakInFlight} ran at once.")
            : null;
    }

    public Limiter? Limit(RunReport run, int cores)
    {
        var wanted = Math.Min(run.Workers, run.Items);
        return run.PeakInFlight < wanted
            ? new(LimiterNames.ThreadPool, FormattableString.Invariant(
                $"{wanted} blocking calls needed {wanted} pool threads; the pool had {run.ThreadPoolThreads.Min} when the run began and {run.ThreadPoolThreads.Max} at most, so at most {run.PeakInFlight} ran at once."))
            : null;
    }

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.Workers, items);

    public double? PredictMs(PredictionInputs inputs) => Prediction.GrowingPool(inputs);

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var queue = new ItemQueue(run.Workload.ItemCount);
        using var session = run.Workload.CreateSession();
        var loops = Enumerable.Range(0, run.Settings.Workers).Select(_ => Task.Factory.StartNew(() =>
        {
            // Not LongRunning: these must be ordinary pool work items to show the pool's behaviour.
            var worker = WorkerIdentity.CurrentThread(WorkerKinds.PoolThread);
            run.Recorder.AddWorker(worker);
            while (queue.TryTake(out var index))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Items.RunBlocking(session, index, worker, cancellationToken);
            }
        }, cancellationToken, TaskCreationOptions.None, TaskScheduler.Default));
        await Task.WhenAll(loops);
    }
}
