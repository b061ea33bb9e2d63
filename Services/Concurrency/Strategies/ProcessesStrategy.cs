using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// A pool of W worker OS processes started for the run (the study's process pool), fed
/// one item at a time over a pipe. Their start-up is inside the run's wall time, as in
/// the study, and measured; none outlives the run, cancelled or not.
/// </summary>
public sealed class ProcessesStrategy : IStrategy
{
    public string Name => StrategyNames.Processes;

    public string WorkerKind => WorkerKinds.Process;

    public string Description =>
        "W worker processes (default: one per core) started for the run, each with its own session, fed items over a pipe; start-up is measured.";

    public IReadOnlyList<string> Parameters => ["workers"];

    // As threads, after the workers start (as this runner last measured it; 0 before it has).
    public double? PredictMs(PredictionInputs inputs) => Prediction.Lanes(inputs, inputs.Workers) + (inputs.WorkerStartupMs ?? 0);

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.Workers, items);

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var launcher = run.WorkerLauncher
            ?? throw new InvalidOperationException("This runner has no worker processes.");
        var starting = Enumerable.Range(0, run.Settings.Workers)
            .Select(_ => WorkerProcess.StartAsync(launcher, cancellationToken))
            .ToList();
        try
        {
            // Each worker takes items as soon as it is ready, as in a pool: none waits for the slowest to start.
            var queue = new ItemQueue(run.Workload.ItemCount);
            await Task.WhenAll(starting.Select(async start =>
            {
                var worker = await start;
                run.Recorder.AddStartup(worker.Pid, worker.StartupMs);
                await FeedAsync(run, worker, launcher.Kind, queue, cancellationToken);
            }));
        }
        finally
        {
            await StopAllAsync(run.Recorder, starting);
        }
    }

    private static async Task FeedAsync(RunContext run, WorkerProcess worker, string kind, ItemQueue queue, CancellationToken cancellationToken)
    {
        var identity = new WorkerIdentity(WorkerKinds.Process, $"pid {worker.Pid} ({kind})", worker.Pid);
        run.Recorder.AddWorker(identity);
        while (queue.TryTake(out var index))
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A worker that traces its own items makes the span of an item traced in detail;
            // otherwise this one, around the round trip, is the item's span (tagged with the
            // worker's pid). Only a worker that traces needs to know the run's trace.
            using var item = run.Items.Begin(index, identity, identity.Id, tracedByWorker: run.Workload.WorkersTraceItems);
            var traceParent = run.Workload.WorkersTraceItems ? item.WorkerTraceParent : null;
            var reply = await worker.RunAsync(new WorkerRequest(index, run.Workload.DescribeForWorker(index), traceParent), cancellationToken);
            item.End(new ItemOutcome(reply.Ok, reply.Error, reply.Bytes, reply.Value, OnCpuMs: reply.CpuMs, WorkerElapsedMs: reply.ElapsedMs));
        }
    }

    // Every worker that started is stopped here, whether the run finished, failed or was cancelled.
    private static async Task StopAllAsync(RunRecorder recorder, List<Task<WorkerProcess>> starting)
    {
        try
        {
            await Task.WhenAll(starting);
        }
        catch (Exception)
        {
            // A worker that failed to start cleaned up after itself; its error is the run's.
        }

        // Every worker is told to stop, and that ends the run's time. Their exits are awaited
        // together before the run reports finished, none outliving it, but not timed: a
        // worker's exit here includes flushing its telemetry, a cost of the lab that the
        // study's workers do not pay (docs/benchmarks.md says so next to the figures).
        var workers = starting.Where(start => start.IsCompletedSuccessfully).Select(start => start.Result).ToList();
        foreach (var worker in workers)
            worker.RequestExit();
        recorder.StopClock();
        await Task.WhenAll(workers.Select(worker => worker.DisposeAsync().AsTask()));
        foreach (var worker in workers)
        {
            recorder.AddChildCpu(worker.CpuTime);
            recorder.AddOwnCpu(worker.CpuTime);
        }
    }
}
