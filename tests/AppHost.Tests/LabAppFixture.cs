using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.Diagnostics.HealthChecks;

[assembly: AssemblyFixture(typeof(ConcurrencyLab.AppHost.Tests.LabAppFixture))]

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// Starts the whole AppHost once for every integration test (start ≈ 10 s, stop ≈ 12 s
/// here), and waits, bounded, until every resource and every cpurunner replica is healthy.
/// </summary>
public sealed class LabAppFixture : IAsyncLifetime
{
    public const int CpuReplicas = 2;
    public static readonly string[] Services = ["membership", "sitestub", "iorunner", "cpurunner", "gateway"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    private DistributedApplication? _app;
    private OtlpReceiver? _otlp;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The cpurunner replica ids that reported healthy.</summary>
    public IReadOnlySet<string> HealthyCpuReplicas { get; private set; } = new HashSet<string>();

    /// <summary>Where every service exports its telemetry (the testing builder turns the dashboard off).</summary>
    public OtlpReceiver Otlp => _otlp ?? throw new InvalidOperationException("The app has not started.");

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    /// <summary>
    /// A client with exactly one long-lived connection: Aspire's proxy picks a replica per
    /// connection, so every call on it reaches the same process.
    /// </summary>
    public HttpClient CreatePinnedClient(string resource) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = App.GetEndpoint(resource, "http"),
        };

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder
            .CreateAsync<Projects.AppHost>([$"CpuRunner:Replicas={CpuReplicas}", $"Lab:DataDir={DataDir}"], timeout.Token)
            .WaitAsync(StartTimeout, timeout.Token);
        _otlp = await OtlpReceiver.StartAsync(timeout.Token);
        foreach (var project in builder.Resources.OfType<ProjectResource>().ToList())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", _otlp.Address.ToString().TrimEnd('/'))
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        }

        _app = await builder.BuildAsync(timeout.Token).WaitAsync(StartTimeout, timeout.Token);
        await _app.StartAsync(timeout.Token).WaitAsync(StartTimeout, timeout.Token);

        foreach (var service in Services)
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token).WaitAsync(StartTimeout, timeout.Token);
        await WaitForHealthyReplicasAsync(timeout.Token);
    }

    /// <summary>Waits, bounded, until every cpurunner replica reports healthy, to Aspire and from its own process.</summary>
    public async Task WaitForHealthyReplicasAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        HealthyCpuReplicas = await WaitForHealthyReplicasAsync("cpurunner", CpuReplicas, timeout.Token);
        await ReplicaProcesses.WaitUntilEachAnswersHealthyAsync(() => CreatePinnedClient("cpurunner"), CpuReplicas, timeout.Token);
    }

    /// <summary>The runners' run store for this fixture: a fresh folder, never the repository's .lab-data.</summary>
    public string DataDir { get; } = Path.Combine(Path.GetTempPath(), $"lab-data-{Guid.NewGuid():N}");

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_otlp is not null)
            await _otlp.DisposeAsync();
        if (Directory.Exists(DataDir))
            Directory.Delete(DataDir, recursive: true);
    }

    // With replicas, each replica reports its own events under the same resource name.
    private async Task<IReadOnlySet<string>> WaitForHealthyReplicasAsync(string resource, int count, CancellationToken cancellationToken)
    {
        var healthy = new HashSet<string>();
        await foreach (var change in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (change.Resource.Name != resource)
                continue;
            if (change.Snapshot.HealthStatus == HealthStatus.Healthy)
                healthy.Add(change.ResourceId);
            else
                healthy.Remove(change.ResourceId);
            if (healthy.Count >= count)
                break;
        }

        return healthy;
    }
}
