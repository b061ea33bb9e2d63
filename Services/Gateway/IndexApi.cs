using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Gateway;

/// <summary>GET /api : what the lab offers to curl users and where to look at its telemetry (the page is at /).</summary>
public static class IndexApi
{
    public static IEndpointRouteBuilder MapLabIndex(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api", GetIndex).WithName("Index");
        return app;
    }

    private static LabIndex GetIndex(IOptions<GatewayOptions> options) => new(
        Name: "Concurrency Lab",
        Question: "Is my program IO-bound or CPU-bound, and which concurrency model makes it faster?",
        Dashboard: options.Value.DashboardUrl,
        Endpoints:
        [
            new("POST", "/io/runs", "IO experiment: one run (strategy, workers, sites, repeat, latencyMs…); ?wait=true, ?format=text"),
            new("GET", "/io/runs/{id}", "IO run report (progress while it runs); DELETE cancels it"),
            new("POST", "/io/compare", "Every IO strategy at the same settings, with speedups and a verdict"),
            new("POST", "/io/sweep", "One IO strategy over worker counts (default 5, 10, 15, 20, 30)"),
            new("GET", "/io/strategies", "IO strategies and what they mean"),
            new("POST", "/cpu/runs", "CPU experiment: one run (strategy, workers, start, count, switchIntervalMs)"),
            new("GET", "/cpu/runs/{id}", "CPU run report; DELETE cancels it"),
            new("POST", "/cpu/compare", "Every CPU strategy at the same settings, with speedups and a verdict"),
            new("POST", "/cpu/sweep", "One CPU strategy over worker counts (default 1, 2, 4, 8)"),
            new("GET", "/cpu/strategies", "CPU strategies and what they mean"),
            new("POST", "/cpu/work", "CpuRunner: exact sum of i*i for i < n on one replica"),
            new("GET", "/sites/{name}", "SiteStub: download a stand-in page (jython, dice)"),
            new("GET", "/sites", "SiteStub: sites, latency profiles, parameters and limits"),
            new("GET", "/sites/stats", "SiteStub: requests served, in flight and peak in flight"),
            new("GET", "/io/probe/{site}", "IoRunner: one download from SiteStub, timed"),
            new("GET", "/io/compares", "Stored IO compares and sweeps; GET /io/runs lists stored runs (page, strategy, from, to, tag)"),
            new("PUT", "/io/runs/{id}/tags/{tag}", "Tag a stored run, compare or sweep; ?baseline=<id or tag> and ?failOn=slower compare against it"),
            new("GET", "/io/runs/{id}/trace.json", "A run as a Chrome trace (ui.perfetto.dev); /io/compares/{id}/trace.json for a compare"),
            new("GET", "/api/reference", "The API reference: every service's OpenAPI document"),
        ]);

    public sealed record LabIndex(string Name, string Question, string Dashboard, IReadOnlyList<LabEndpoint> Endpoints);

    public sealed record LabEndpoint(string Method, string Path, string Description);
}
