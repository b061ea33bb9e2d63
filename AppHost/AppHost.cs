using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var builder = DistributedApplication.CreateBuilder(args);
builder.Services.AddHostedService<LabWatchdog>();

var cpuReplicas = builder.Configuration.GetValue("CpuRunner:Replicas", 2);
// native (the AOT worker, where it was built) or jit (a .NET runtime per worker process).
var cpuProcessWorker = builder.Configuration["CpuRunner:ProcessWorker"] ?? "native";
var dashboardUrl = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "http://localhost:18888";
// Where the runners keep their stored runs (one SQLite file each): .lab-data/ at the
// repository's root, ignored by git, created on first use. Lab:DataDir moves it.
var dataDir = Path.GetFullPath(builder.Configuration["Lab:DataDir"] ?? Path.Combine(builder.AppHostDirectory, "..", ".lab-data"));

// Single-instance services listen on their launch-profile ports themselves (no proxy):
// a proxy hop in DCP adds latency and CPU to every measured download, and under a
// 10,000-connection burst it runs out of file descriptors and takes the whole lab down.

// The local stand-in for the study's two web sites.
var sitestub = builder.AddProject<Projects.SiteStub>("sitestub")
    .WithLabDefaults()
    .WithoutProxy()
    .WithHttpHealthCheck("/health")
    .WithResetStatsCommand()
    .WithUrlForEndpoint("http", url => url.DisplayText = "SiteStub (/sites)");

// The IO-bound experiment downloads from SiteStub only.
var iorunner = builder.AddProject<Projects.IoRunner>("iorunner")
    .WithLabDefaults()
    .WithoutProxy()
    .WithReference(sitestub)
    .WaitFor(sitestub)
    .WithEnvironment("Lab__DataDir", dataDir)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "IoRunner (/io)");
iorunner.WithCompareCommand(LabCommands.IoCompare, "IO compare at the study's settings", "/io/compare", """{"profile":"seed"}""", dashboardUrl);

// The Orleans cluster's membership table: a Redis-protocol store (Garnet, in-process) the
// cpurunner silos join through. Its own port, loopback only; its HTTP port answers /health.
const int MembershipPort = 5085; // Redis protocol, beside the lab's HTTP ports 5080–5084
var membership = builder.AddProject<Projects.Membership>("membership")
    .WithLabDefaults()
    .WithoutProxy()
    .WithEndpoint(name: "resp", scheme: "tcp", port: MembershipPort, targetPort: MembershipPort, isProxied: false, env: "Membership__Port")
    .WithHttpHealthCheck("/health");

// The CPU-bound experiment; its replicas serve the `replicas` strategy, which reaches
// them through the runner's own proxied endpoint. It keeps Aspire's proxy: only the
// proxy spreads connections over the replicas behind one port (per TCP connection).
var cpurunner = builder.AddProject<Projects.CpuRunner>("cpurunner")
    .WithLabDefaults()
    .WithReplicas(cpuReplicas)
    .WithEnvironment("CpuRunner__Replicas", cpuReplicas.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("CpuRunner__ProcessWorker", cpuProcessWorker)
    // The replicas share one file: each lists every stored CPU run, whichever replica ran it.
    .WithEnvironment("Lab__DataDir", dataDir)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "CpuRunner (/cpu)")
    // Each replica hosts an Orleans silo (the orleans strategy). Aspire gives every replica its
    // own target port for these two endpoints, passed in the variables; nothing connects
    // through their proxies (the silos advertise their own ports), as Aspire.Hosting.Orleans does.
    .WithEndpoint(name: "orleans-silo", scheme: "tcp", env: "Orleans__Endpoints__SiloPort", isProxied: true, isExternal: false)
    .WithEndpoint(name: "orleans-gateway", scheme: "tcp", env: "Orleans__Endpoints__GatewayPort", isProxied: true, isExternal: false)
    .WithEnvironment("Orleans__Membership", membership.GetEndpoint("resp"))
    .WaitFor(membership);
cpurunner.WithEnvironment("CpuRunner__ReplicasUrl", cpurunner.GetEndpoint("http"));
cpurunner.WithCompareCommand(LabCommands.CpuCompare, "CPU compare at the study's sizes", "/cpu/compare", """{"start":5000000,"count":20,"rounds":3}""", dashboardUrl);

// The front door: /io, /cpu, /sites and the index at /.
builder.AddProject<Projects.Gateway>("gateway")
    .WithLabDefaults()
    .WithoutProxy()
    .WithReference(iorunner)
    .WithReference(cpurunner)
    .WithReference(sitestub)
    .WaitFor(iorunner)
    .WaitFor(cpurunner)
    .WaitFor(sitestub)
    .WithEnvironment("Gateway__DashboardUrl", dashboardUrl)
    .WithHttpHealthCheck("/health")
    .WithUrls(context =>
    {
        // The gateway's own address is the lab page; the API reference sits beside it.
        foreach (var url in context.Urls.Where(url => url.Endpoint?.EndpointName == "http").ToList())
        {
            url.DisplayText = "Lab page";
            context.Urls.Add(new ResourceUrlAnnotation { Url = url.Url.TrimEnd('/') + "/api/reference", DisplayText = "API reference", Endpoint = url.Endpoint });
        }
    });

builder.Build().Run();
