using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Each service publishes its OpenAPI document under its own prefix (/io, /cpu, /sites), so
/// the gateway's routes reach it and its reference page (/api/reference) can read it.
/// </summary>
public static class LabOpenApi
{
    public const string DocumentName = "v1";

    public static IHostApplicationBuilder AddLabOpenApi(this IHostApplicationBuilder builder, string title, string description,
        IReadOnlyList<RequestExample>? examples = null)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = title;
                document.Info.Description = description;
                // Relative: read through the gateway, "try it" goes through the gateway too.
                document.Servers = [new() { Url = "/" }];
                return Task.CompletedTask;
            });
            options.AddRequestExamples(examples ?? []);
        });
        return builder;
    }

    /// <summary>GET {prefix}/openapi/v1.json.</summary>
    public static IEndpointConventionBuilder MapLabOpenApi(this WebApplication app, string prefix) =>
        app.MapOpenApi($"{prefix}/openapi/{{documentName}}.json");
}
