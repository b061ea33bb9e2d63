using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;
using Orleans.Runtime.Messaging;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// Each item a call to an Orleans grain, on the silos the CpuRunner replicas host: lane k's
/// grain is placed on the k-th silo (EvenPlacement), so the lanes are silos. A call that fails
/// because its silo is gone is retried after a pause, by which time the membership has evicted
/// the silo and the grain is placed again on a survivor: no item lost, none counted twice.
/// </summary>
public sealed class OrleansStrategy(IGrainFactory grains) : IStrategy
{
    // Eviction takes about 2 s with the lab's probe settings (SiloHosting): 8 tries 0.5 s apart outlast it.
    private const int MaxRetries = 8;
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(500);

    public string Name => StrategyNames.Orleans;

    public string WorkerKind => WorkerKinds.Silo;

    public string Description =>
        "Items as Orleans grain calls, spread over the silos the CpuRunner replicas host (one cluster, joined through the membership store); a lost silo is evicted and its items retried on the survivors.";

    public IReadOnlyList<string> Parameters => ["workers"];

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.Workers, items);

    // The silos share this machine's cores: as threads, plus each call's dispatch.
    public double? PredictMs(PredictionInputs inputs) => Prediction.Lanes(inputs, inputs.Workers) + (inputs.WorkerStartupMs ?? 0);

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var finding = Stopwatch.GetTimestamp();
        // The silos are already running: start-up is only asking the cluster who is in it.
        var silos = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(cancellationToken);
        run.Recorder.AddStartup(Environment.ProcessId, Stopwatch.GetElapsedTime(finding).TotalMilliseconds);
        if (silos.Count == 0)
            throw new InvalidOperationException("The Orleans cluster has no active silo.");

        var runKey = Guid.NewGuid().ToString("N");
        var queue = new ItemQueue(run.Workload.ItemCount);
        await Task.WhenAll(Enumerable.Range(0, run.Settings.Workers).Select(lane =>
            LaneAsync(run, grains.GetGrain<ISumSquaresGrain>(lane, runKey), lane, queue, cancellationToken)));
    }

    private static async Task LaneAsync(RunContext run, ISumSquaresGrain grain, int lane, ItemQueue queue, CancellationToken cancellationToken)
    {
        var laneIdentity = new WorkerIdentity(WorkerKinds.Silo, $"lane-{lane + 1}", Environment.ProcessId);
        while (queue.TryTake(out var index))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var item = run.Items.Begin(index, laneIdentity, laneIdentity.Id);
            var n = long.Parse(run.Workload.DescribeForWorker(index), CultureInfo.InvariantCulture);
            var (outcome, servedBy) = await CallAsync(run.Recorder, grain, n, cancellationToken);
            item.End(outcome, servedBy);
        }
    }

    private static async Task<(ItemOutcome Outcome, WorkerIdentity? ServedBy)> CallAsync(
        RunRecorder recorder, ISumSquaresGrain grain, long n, CancellationToken cancellationToken)
    {
        for (var retries = 0; ; retries++)
        {
            try
            {
                var result = await grain.ComputeAsync(n, cancellationToken);
                return RemoteItem.Computed(recorder, WorkerKinds.Silo, result.Sum, result.Instance, result.Pid, result.ElapsedMs, result.CpuMs, retries);
            }
            catch (Exception error) when (IsSiloLoss(error) && retries < MaxRetries && !cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(RetryPause, cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested && error is not OperationCanceledException)
            {
                return (ItemOutcome.Failure(error.GetType().Name) with { Retries = retries }, null);
            }
        }
    }

    // The call never reached a live silo, or its silo died holding it: safe to send again.
    private static bool IsSiloLoss(Exception error) =>
        error is OrleansMessageRejectionException or ConnectionFailedException or TimeoutException;
}
