using ConcurrencyLab.Gateway.Lab.Client;

namespace ConcurrencyLab.Gateway.Lab;

/// <summary>The lab page at /: a Blazor Server app whose charts are Plotly (served from the package, no CDN).</summary>
public static class LabPageRegistration
{
    public static WebApplicationBuilder AddLabPage(this WebApplicationBuilder builder)
    {
        // Serves the packages' files (Blazor's script, plotly.js) from a build as well as from
        // a publish, in every environment: the lab works offline.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton<RunnerDirectory>();
        return builder;
    }

    public static WebApplication MapLabPage(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
