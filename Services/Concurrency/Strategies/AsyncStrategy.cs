using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// Every item started at once as an async call and awaited together; no thread waits.
/// maxConcurrency caps how many are in flight (a semaphore, not Parallel.ForEachAsync,
/// whose default silently caps at the core count).
/// </summary>
public sealed class AsyncStrategy : IStrategy
{
    public string Name => StrategyNames.Async;

    public string WorkerKind => WorkerKinds.Task;

    public WorkerRule Workers => WorkerRule.EveryItem;

    public string Description => "All items started at once as async calls (Task.WhenAll), optionally capped by maxConcurrency; waits hold no thread.";

    public IReadOnlyList<string> Parameters => ["maxConcurrency"];

    public double? PredictMs(PredictionInputs inputs) => Prediction.Lanes(inputs, inputs.MaxConcurrency ?? inputs.Items);

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.MaxConcurrency ?? items, items);

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var worker = new WorkerIdentity(WorkerKinds.Task, "tasks", Environment.ProcessId);
        run.Recorder.AddWorker(worker);
        var lanes = new LaneAllocator();
        using var cap = run.Settings.MaxConcurrency is { } max ? new SemaphoreSlim(max, max) : null;
        using var session = run.Workload.CreateSession();

        async Task RunOne(int index)
        {
            if (cap is not null)
                await cap.WaitAsync(cancellationToken);
            var lane = lanes.Take();
            try
            {
                await run.Items.RunAsync(session, index, worker, $"slot-{lane + 1}", cancellationToken);
            }
            finally
            {
                lanes.Return(lane);
                cap?.Release();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, run.Workload.ItemCount).Select(RunOne));
    }
}
