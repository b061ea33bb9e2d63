using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// Every item as an async method on one single-threaded scheduler, like the study's
/// event loop: co-operative (an item yields between chunks), never parallel. For
/// CPU-bound work it interleaves the items and gains nothing: the lesson.
/// </summary>
public sealed class EventLoopStrategy : IStrategy
{
    public string Name => StrategyNames.Async;

    public string WorkerKind => WorkerKinds.Thread;

    public WorkerRule Workers => WorkerRule.One;

    public string Description =>
        "Every item as an async method on one single-threaded event loop, yielding between chunks: co-operative, never parallel, so CPU-bound work gains nothing.";

    public IReadOnlyList<string> Parameters => [];

    public string? Lesson(RunReport loser, RunReport? sequential) =>
        loser.Bound == "cpu" ? "every item ran on one event-loop thread; interleaving does not add a core." : null;

    public Limiter? Limit(RunReport run, int cores) =>
        new(LimiterNames.EventLoop, FormattableString.Invariant(
            $"all {run.Items} items interleaved on the event loop's one thread: {(run.OwnCpuMs ?? run.CpuMs) / Math.Max(run.WallMs, 1):0.00} cores busy of {cores}."));

    public int Concurrency(StrategySettings settings, int items) => 1;

    // One thread: the items' CPU parts run one after another; their waits could overlap.
    public double? PredictMs(PredictionInputs inputs) =>
        Math.Max(inputs.Items * inputs.ItemCpuMs, Prediction.Waves(inputs, inputs.Items));

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var loop = new SingleThreadScheduler("event-loop");
        try
        {
            await RunOnAsync(loop, run, cancellationToken);
        }
        finally
        {
            loop.Dispose();
            if (loop.CpuTime is { } cpu)
                run.Recorder.AddOwnCpu(cpu);
        }
    }

    private static async Task RunOnAsync(SingleThreadScheduler loop, RunContext run, CancellationToken cancellationToken)
    {
        var worker = new WorkerIdentity(WorkerKinds.Thread, "event-loop", Environment.ProcessId);
        run.Recorder.AddWorker(worker);
        using var session = run.Workload.CreateSession();
        var lanes = new LaneAllocator();

        async Task RunOne(int index)
        {
            var lane = lanes.Take();
            try
            {
                await run.Items.RunAsync(session, index, worker, $"task-{lane + 1}", cancellationToken);
            }
            finally
            {
                lanes.Return(lane);
            }
        }

        // Started on the loop, so each await in the items comes back to the loop's thread.
        var all = Task.Factory.StartNew(
            () => Task.WhenAll(Enumerable.Range(0, run.Workload.ItemCount).Select(RunOne)),
            cancellationToken, TaskCreationOptions.DenyChildAttach, loop).Unwrap();
        await all.ConfigureAwait(false);
    }
}
