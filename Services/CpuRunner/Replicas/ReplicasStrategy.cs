using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// Items sent over HTTP (POST /cpu/work) to the CpuRunner replicas: W lanes spread over
/// connections pinned to each replica, so every replica gets work. When a replica is
/// lost mid-item, the item is retried on another: none lost, none counted twice.
/// </summary>
public sealed class ReplicasStrategy(Func<ReplicaTarget> target) : IStrategy
{
    public string Name => StrategyNames.Replicas;

    public string WorkerKind => WorkerKinds.Replica;

    public string Description =>
        "Items sent over HTTP to the CpuRunner replicas the AppHost runs, over connections pinned to each replica (Aspire's proxy balances per connection); a lost replica's items are retried on the others.";

    public IReadOnlyList<string> Parameters => ["workers"];

    public int Concurrency(StrategySettings settings, int items) => Math.Min(settings.Workers, items);

    // The replicas share this machine's cores: as threads, plus the HTTP calls and the connections opened first.
    public double? PredictMs(PredictionInputs inputs) => Prediction.Lanes(inputs, inputs.Workers) + (inputs.WorkerStartupMs ?? 0);

    public async Task RunAsync(RunContext run, CancellationToken cancellationToken)
    {
        var where = target();
        var workers = run.Settings.Workers;
        var perReplica = (int)Math.Ceiling(workers / (double)where.Replicas);
        var connecting = Stopwatch.GetTimestamp();
        using var pool = await ReplicaPool.ConnectAsync(where.Address, where.Replicas, perReplica, where.CallTimeout, cancellationToken);
        // Opening the connections pinned to each replica is this strategy's start-up, as worker processes' is theirs.
        run.Recorder.AddStartup(Environment.ProcessId, Stopwatch.GetElapsedTime(connecting).TotalMilliseconds);
        // Lane k takes the k-th connection in replica-alternating order, so lanes spread evenly.
        var ordered = pool.Connections
            .GroupBy(connection => connection.Instance)
            .SelectMany(group => group.Select((connection, rank) => (connection, rank)))
            .OrderBy(pair => pair.rank).Select(pair => pair.connection).ToList();
        var queue = new ItemQueue(run.Workload.ItemCount);
        await Task.WhenAll(Enumerable.Range(0, workers).Select(lane =>
            LaneAsync(run, pool, ordered[lane % ordered.Count], lane, queue, cancellationToken)));
    }

    private static async Task LaneAsync(RunContext run, ReplicaPool pool, ReplicaConnection home, int lane, ItemQueue queue, CancellationToken cancellationToken)
    {
        var laneIdentity = new WorkerIdentity(WorkerKinds.Replica, $"lane-{lane + 1}", Environment.ProcessId);
        while (queue.TryTake(out var index))
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var item = run.Items.Begin(index, laneIdentity, laneIdentity.Id);
            var (outcome, servedBy) = await SendAsync(run.Recorder, pool, home, run.Workload.DescribeForWorker(index), cancellationToken);
            item.End(outcome, servedBy);
        }
    }

    // Tries the lane's replica, then the others; a connection that fails is marked lost.
    private static async Task<(ItemOutcome Outcome, WorkerIdentity? ServedBy)> SendAsync(
        RunRecorder recorder, ReplicaPool pool, ReplicaConnection home, string n, CancellationToken cancellationToken)
    {
        var retries = 0;
        while (pool.Pick(home) is { } connection)
        {
            using var use = connection.Use();
            try
            {
                using var response = await connection.Client.PostAsJsonAsync("/cpu/work", new { n = long.Parse(n, CultureInfo.InvariantCulture) }, cancellationToken);
                if (!response.IsSuccessStatusCode)
                    return (ItemOutcome.Failure($"http_{(int)response.StatusCode}") with { Retries = retries }, Identity(connection));
                var result = (await response.Content.ReadFromJsonAsync<WorkApi.WorkResult>(cancellationToken))!;
                return RemoteItem.Computed(recorder, WorkerKinds.Replica, result.Sum, result.Instance, result.Pid, result.ElapsedMs, result.CpuMs, retries);
            }
            catch (Exception error) when (error is HttpRequestException or IOException && !cancellationToken.IsCancellationRequested)
            {
                connection.MarkLost();
                retries++;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (ItemOutcome.Failure("timeout") with { Retries = retries }, Identity(connection));
            }
        }

        return (ItemOutcome.Failure("no_replica_left") with { Retries = retries }, null);
    }

    private static WorkerIdentity Identity(ReplicaConnection connection) => new(WorkerKinds.Replica, connection.Instance, connection.Pid);
}

/// <summary>Where the replicas are, how many to expect, and how long a call may take.</summary>
public sealed record ReplicaTarget(Uri Address, int Replicas, TimeSpan CallTimeout);
