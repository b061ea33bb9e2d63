using ConcurrencyLab.Gateway.Lab.Client;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;

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
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().Add(AnswerGetOnly);
        return app;
    }

    // The page is interactive (its circuit does the work) and takes no form posts. Left to
    // the default, a POST to / would be an antiforgery 400 in plain text; GET-only pages
    // make it a 405 that the gateway answers as ProblemDetails like every other refusal.
    private static void AnswerGetOnly(EndpointBuilder endpoint)
    {
        if (!endpoint.Metadata.OfType<ComponentTypeMetadata>().Any())
            return;
        foreach (var methods in endpoint.Metadata.OfType<HttpMethodMetadata>().ToList())
            endpoint.Metadata.Remove(methods);
        endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
    }
}
