using System.Net;
using System.Net.Sockets;
using Orleans.Configuration;
using OpenTelemetry.Trace;
using StackExchange.Redis;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// Every CpuRunner process hosts an Orleans silo (the orleans strategy's workers). With
/// Orleans:Membership (host:port of the Redis-protocol store the AppHost starts), the
/// replicas' silos form one cluster; without it, this process is a cluster of one, on
/// loopback (a runner started alone, and the tests). In a Kubernetes pod (deploy/), the
/// silo takes its name, address and ids from the pod instead of loopback.
/// </summary>
public static class SiloHosting
{
    public const string ClusterId = "concurrency-lab";
    public const string ServiceId = "cpurunner";

    /// <summary>The grain-call spans: the runtime's own source (membership probes, directory) stays off.</summary>
    public const string ActivitySource = "Microsoft.Orleans.Application";

    public static WebApplicationBuilder AddCpuSilo(this WebApplicationBuilder builder)
    {
        var membership = builder.Configuration["Orleans:Membership"];
        // Aspire gives each replica its own ports in these two (see the AppHost); else the OS picks.
        var siloPort = builder.Configuration.GetValue("Orleans:Endpoints:SiloPort", 0) is > 0 and var silo ? silo : FreePort();
        var gatewayPort = builder.Configuration.GetValue("Orleans:Endpoints:GatewayPort", 0) is > 0 and var gateway ? gateway : FreePort();
        builder.UseOrleans(orleans =>
        {
            if (string.IsNullOrWhiteSpace(membership))
            {
                orleans.UseLocalhostClustering(siloPort, gatewayPort, serviceId: ServiceId, clusterId: ClusterId);
            }
            else
            {
                orleans.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(HostAndPort(membership)));
                if (InKubernetes)
                {
                    // POD_NAME, POD_NAMESPACE, POD_IP, ORLEANS_CLUSTER_ID, ORLEANS_SERVICE_ID (deploy/cpurunner.yaml).
                    orleans.UseKubernetesHosting();
                }
                else
                {
                    orleans.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = (ClusterId, ServiceId));
                    orleans.ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false);
                    orleans.Configure<ClusterMembershipOptions>(ShortenProbes);
                }
            }

            // A grain call may compute as long as a replica call may (CpuRunner:ReplicaTimeoutMs).
            orleans.Configure<SiloMessagingOptions>(options => options.ResponseTimeout =
                TimeSpan.FromMilliseconds(builder.Configuration.GetValue("CpuRunner:ReplicaTimeoutMs", 300_000)));
            orleans.AddActivityPropagation();
            orleans.Services.AddPlacementDirector<EvenPlacement, EvenPlacementDirector>();
            orleans.Services.AddSingleton<SiloItems>();
        });
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddSource(ActivitySource));
        return builder;
    }

    /// <summary>
    /// A silo that stops answering is declared dead after 2 missed probes 1 s apart, on one
    /// vote (two silos: the survivor is the only voter), instead of Orleans' defaults
    /// (3 probes of 5 s, 2 votes): a killed replica's items are retried about 2 s later.
    /// </summary>
    internal static void ShortenProbes(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 1;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
    }

    private static bool InKubernetes => Environment.GetEnvironmentVariable("KUBERNETES_SERVICE_HOST") is not null;

    // "tcp://localhost:5085" (an Aspire endpoint) or "localhost:5085".
    private static string HostAndPort(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port > 0 ? $"{uri.Host}:{uri.Port}" : address;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
