using ConcurrencyLab.Concurrency.Api;
using System.Net.Http.Json;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// Connections pinned to each CpuRunner replica. Aspire's proxy picks a replica per TCP
/// connection, so a client with exactly one long-lived connection stays on one replica:
/// the pool opens connections until it holds the wanted number for every replica it
/// expects (or gives up after a bounded number of tries), and learns who is behind each.
/// </summary>
public sealed class ReplicaPool : IDisposable
{
    private readonly List<ReplicaConnection> _connections;

    private ReplicaPool(List<ReplicaConnection> connections) => _connections = connections;

    public IReadOnlyList<ReplicaConnection> Connections => _connections;

    public static async Task<ReplicaPool> ConnectAsync(Uri address, int expectedReplicas, int perReplica, TimeSpan callTimeout, CancellationToken cancellationToken)
    {
        var connections = new List<ReplicaConnection>();
        var tries = Math.Max(16, 8 * expectedReplicas * perReplica);
        for (var attempt = 0; attempt < tries && !Complete(connections, expectedReplicas, perReplica); attempt++)
        {
            var client = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = 1,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
                ConnectTimeout = TimeSpan.FromSeconds(5),
                UseProxy = false,
            })
            {
                BaseAddress = address,
                Timeout = callTimeout,
            };
            var who = await client.GetFromJsonAsync<InstanceInfo>("/cpu/instance", cancellationToken);
            if (who is not null && connections.Count(c => c.Instance == who.Instance) < perReplica)
                connections.Add(new ReplicaConnection(client, who.Instance, who.Pid));
            else
                client.Dispose();
        }

        if (connections.Count == 0)
            throw new InvalidOperationException($"No CpuRunner replica answered at {address}.");
        return new ReplicaPool(connections);
    }

    private static bool Complete(List<ReplicaConnection> connections, int expectedReplicas, int perReplica) =>
        connections.GroupBy(connection => connection.Instance).Count(group => group.Count() >= perReplica) >= expectedReplicas;

    /// <summary>A live connection, preferring the given one, then other replicas.</summary>
    public ReplicaConnection? Pick(ReplicaConnection preferred) =>
        preferred.Alive ? preferred
            : _connections.Where(c => c.Alive).OrderBy(c => c.Instance == preferred.Instance).ThenBy(c => c.InFlight).FirstOrDefault();

    public void Dispose()
    {
        foreach (var connection in _connections)
            connection.Client.Dispose();
    }
}

/// <summary>One pinned connection to one replica.</summary>
public sealed class ReplicaConnection(HttpClient client, string instance, int pid)
{
    private int _inFlight;
    private volatile bool _alive = true;

    public HttpClient Client { get; } = client;

    public string Instance { get; } = instance;

    public int Pid { get; } = pid;

    public bool Alive => _alive;

    public int InFlight => Volatile.Read(ref _inFlight);

    public void MarkLost() => _alive = false;

    public IDisposable Use()
    {
        Interlocked.Increment(ref _inFlight);
        return new Release(this);
    }

    private sealed class Release(ReplicaConnection connection) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref connection._inFlight);
    }
}
