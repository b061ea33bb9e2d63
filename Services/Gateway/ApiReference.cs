using Scalar.AspNetCore;

namespace ConcurrencyLab.Gateway;

/// <summary>
/// /api/reference: a browsable reference of every service's API, read from the OpenAPI
/// documents they publish under their own prefixes (reached through the gateway's routes).
/// Scalar's script is served from its package: the page works without internet.
/// </summary>
public static class ApiReference
{
    public const string Path = "/api/reference";

    private static readonly (string Name, string Title)[] Documents =
    [
        ("io", "IoRunner: the IO experiment"),
        ("cpu", "CpuRunner: the CPU experiment"),
        ("sites", "SiteStub: the stand-in web sites"),
    ];

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapScalarApiReference(Path, options =>
        {
            options.Title = "Concurrency Lab API";
            // Nothing from a CDN or a telemetry endpoint: the lab runs offline.
            options.DefaultFonts = false;
            options.Telemetry = false;
            // Scalar's hosted extras (AI agent, MCP, SDK generation, deploy) need its servers.
            options.Agent = new ScalarAgentOptions { Disabled = true };
            options.Mcp = new ScalarMcpOptions { Disabled = true };
            options.ShowDeveloperTools = DeveloperToolsVisibility.Never;
            foreach (var (name, title) in Documents)
                options.AddDocument(name, title, routePattern: $"/{name}/openapi/{LabOpenApi.DocumentName}.json");
        });
        return app;
    }
}
