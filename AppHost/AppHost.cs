using System.Globalization;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);

var cpuReplicas = builder.Configuration.GetValue("CpuRunner:Replicas", 2);
// native (the AOT worker, where it was built) or jit (a .NET runtime per worker process).
var cpuProcessWorker = builder.Configuration["CpuRunner:ProcessWorker"] ?? "native";
var dashboardUrl = builder.Configuration["ASPNETCORE_URLS"]?.Split(';')[0] ?? "http://localhost:18888";

// The local stand-in for the study's two web sites.
var sitestub = builder.AddProject<Projects.SiteStub>("sitestub")
    .WithLabDefaults()
    .WithHttpHealthCheck("/health");

// The IO-bound experiment downloads from SiteStub only.
var iorunner = builder.AddProject<Projects.IoRunner>("iorunner")
    .WithLabDefaults()
    .WithReference(sitestub)
    .WaitFor(sitestub)
    .WithHttpHealthCheck("/health");

// The CPU-bound experiment; its replicas serve the `replicas` strategy, which reaches
// them through the runner's own proxied endpoint.
var cpurunner = builder.AddProject<Projects.CpuRunner>("cpurunner")
    .WithLabDefaults()
    .WithReplicas(cpuReplicas)
    .WithEnvironment("CpuRunner__Replicas", cpuReplicas.ToString(CultureInfo.InvariantCulture))
    .WithEnvironment("CpuRunner__ProcessWorker", cpuProcessWorker)
    .WithHttpHealthCheck("/health");
cpurunner.WithEnvironment("CpuRunner__ReplicasUrl", cpurunner.GetEndpoint("http"));

// The front door: /io, /cpu, /sites and the index at /.
builder.AddProject<Projects.Gateway>("gateway")
    .WithLabDefaults()
    .WithReference(iorunner)
    .WithReference(cpurunner)
    .WithReference(sitestub)
    .WaitFor(iorunner)
    .WaitFor(cpurunner)
    .WaitFor(sitestub)
    .WithEnvironment("Gateway__DashboardUrl", dashboardUrl)
    .WithHttpHealthCheck("/health");

builder.Build().Run();
