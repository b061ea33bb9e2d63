using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Gateway;

/// <summary>GET / : what the lab offers and where to look at its telemetry.</summary>
public static class IndexApi
{
    public static IEndpointRouteBuilder MapLabIndex(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", GetIndex).WithName("Index");
        return app;
    }

    private static LabIndex GetIndex(IOptions<GatewayOptions> options) => new(
        Name: "Concurrency Lab",
        Question: "Is my program IO-bound or CPU-bound, and which concurrency model makes it faster?",
        Dashboard: options.Value.DashboardUrl,
        Endpoints:
        [
            new("GET", "/sites/{name}", "SiteStub: download a stand-in page (jython, dice)"),
            new("GET", "/sites/stats", "SiteStub: requests served, in flight and peak in flight"),
            new("GET", "/io/probe/{site}", "IoRunner: one download from SiteStub, timed"),
            new("POST", "/cpu/work", "CpuRunner: exact sum of i*i for i < n on one replica"),
        ]);

    public sealed record LabIndex(string Name, string Question, string Dashboard, IReadOnlyList<LabEndpoint> Endpoints);

    public sealed record LabEndpoint(string Method, string Path, string Description);
}
