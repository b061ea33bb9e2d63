using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// W dedicated OS threads taking items from a shared queue, each blocking on its item:
/// the study's thread-pool executor with W workers.
/// </summary>
public sealed class ThreadsStrategy(string description) : IStrategy
{
    public string Name => StrategyNames.Threads;

    public string WorkerKind => WorkerKinds.Thread;

    public string Description { get; } = description;

    public IReadOnlyList<string> Parameters => ["workers", "clientPerWorker"];

    public double? PredictMs(PredictionInputs inputs) => Prediction.Lanes(inputs, inputs.Workers);

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.Workers, items);

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var queue = new ItemQueue(run.Workload.ItemCount);
        using var shared = run.Settings.ClientPerWorker ? null : run.Workload.CreateSession();
        await DedicatedThreads.RunAsync(run.Settings.Workers, "worker", _ =>
        {
            var worker = WorkerIdentity.CurrentThread(WorkerKinds.Thread);
            run.Recorder.AddWorker(worker);
            using var own = shared is null ? run.Workload.CreateSession() : null;
            var session = own ?? shared!;
            while (queue.TryTake(out var index))
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Items.RunBlocking(session, index, worker, cancellationToken);
            }
        }, run.Recorder);
    }
}
