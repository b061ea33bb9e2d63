using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The floor for SiteStub: a bare Kestrel endpoint of the same route shape
/// (GET /sites/{name}?latencyMs=N waits N ms, then answers 512 bytes), nothing else: no
/// telemetry, no parameter checks, no logging. Run as its own process by the lab bench.
/// </summary>
public static class FloorServer
{
    private static readonly byte[] Page = new byte[512];

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        app.MapGet("/health", () => "Healthy");
        app.MapGet("/sites/{name}", async (HttpContext http, double? latencyMs) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latencyMs ?? 100));
            http.Response.ContentLength = Page.Length;
            await http.Response.Body.WriteAsync(Page);
        });
        await app.RunAsync();
        return 0;
    }
}
