using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// A pool of W worker OS processes started for the run (the study's process pool), fed
/// over a pipe one item ahead, as a pool's task queue keeps its workers fed. Their
/// start-up is inside the run's wall time, as in the study, and measured; none outlives
/// the run, cancelled or not.
/// </summary>
public sealed class ProcessesStrategy : IStrategy
{
    public string Name => StrategyNames.Processes;

    public string WorkerKind => WorkerKinds.Process;

    public string Description =>
        "W worker processes (default: one per core) started for the run, each with its own session, fed items over a pipe one ahead; start-up is measured.";

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
                await FeedAsync(run, worker, launcher.Kind, queue, run.Settings.Workers, cancellationToken);
            }));
        }
        finally
        {
            await StopAllAsync(run.Recorder, starting);
        }
    }

    // The next request waits in the worker's pipe while it works, so it starts that item as
    // soon as it answers the one before, not a pipe round trip later. An item begins (its
    // clock, span and lane) when the one before it on the worker ends. The last items go one
    // at a time, to whichever worker is free, so none waits behind another's queued item.
    private static async Task FeedAsync(RunContext run, WorkerProcess worker, string kind, ItemQueue queue, int workers, CancellationToken cancellationToken)
    {
        var identity = new WorkerIdentity(WorkerKinds.Process, $"pid {worker.Pid} ({kind})", worker.Pid);
        run.Recorder.AddWorker(identity);
        var next = await SendNextAsync(run, worker, identity, queue, cancellationToken);
        while (next is { } current)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // A worker that traces its own items makes the span of an item traced in detail;
            // otherwise this one, around the round trip, is the item's span (tagged with the worker's pid).
            using var item = run.Items.Begin(current.Index, identity, identity.Id, tracedByWorker: run.Workload.WorkersTraceItems, decided: current.Trace);
            next = queue.Remaining > workers ? await SendNextAsync(run, worker, identity, queue, cancellationToken) : null;
            var reply = await worker.ReceiveAsync(current.Index, cancellationToken);
            item.End(new ItemOutcome(reply.Ok, reply.Error, reply.Bytes, reply.Value, OnCpuMs: reply.CpuMs, WorkerElapsedMs: reply.ElapsedMs));
            next ??= await SendNextAsync(run, worker, identity, queue, cancellationToken);
        }
    }

    // Takes the next item, if any, and sends it with the context its worker joins (only a worker that traces needs it).
    private static async Task<SentItem?> SendNextAsync(RunContext run, WorkerProcess worker, WorkerIdentity identity, ItemQueue queue, CancellationToken cancellationToken)
    {
        if (!queue.TryTake(out var index))
            return null;
        var trace = run.Items.DecideForWorker(index, identity.Id);
        var traceParent = run.Workload.WorkersTraceItems ? trace.TraceParent : null;
        await worker.SendAsync(new WorkerRequest(index, run.Workload.DescribeForWorker(index), traceParent), cancellationToken);
        return new SentItem(index, trace.Trace);
    }

    private sealed record SentItem(int Index, ItemTrace Trace);

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
