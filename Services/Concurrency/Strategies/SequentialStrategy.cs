using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

public sealed class SequentialStrategy : IStrategy
{
    public string Name => StrategyNames.Sequential;

    public string WorkerKind => WorkerKinds.Thread;

    public WorkerRule Workers => WorkerRule.One;

    public string Description => "One thread, one session, one item at a time: the baseline every speedup is measured against.";

    public IReadOnlyList<string> Parameters => [];

    public string? Lesson(RunReport loser, RunReport? sequential) => "one item at a time, with nothing overlapped.";

    public int Concurrency(StrategySettings settings, int items) => 1;

    public double? PredictMs(PredictionInputs inputs) => inputs.Items * inputs.ItemMs;

    public Task RunAsync(RunContext run, CancellationToken cancellationToken) =>
        DedicatedThreads.RunAsync(1, StrategyNames.Sequential, _ =>
        {
            var worker = WorkerIdentity.CurrentThread(WorkerKinds.Thread);
            run.Recorder.AddWorker(worker);
            using var session = run.Workload.CreateSession();
            for (var index = 0; index < run.Workload.ItemCount; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                run.Items.RunBlocking(session, index, worker, cancellationToken);
            }
        }, run.Recorder);
}
