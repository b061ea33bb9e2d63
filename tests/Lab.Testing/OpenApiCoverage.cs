using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Testing;

/// <summary>The routes a service maps under its prefix, beside the operations its OpenAPI document lists.</summary>
public static class OpenApiCoverage
{
    /// <summary>Each as "METHOD /route"; the document's own route is left out of the mapped ones.</summary>
    public static async Task<(IReadOnlyList<string> Mapped, IReadOnlySet<string> Documented)> ReadAsync(
        LoopbackApp app, string prefix, CancellationToken cancellationToken)
    {
        var document = await app.Client.GetFromJsonAsync<JsonElement>($"{prefix}/openapi/v1.json", cancellationToken);
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith($"{prefix}/", StringComparison.Ordinal) && !endpoint.RoutePattern.RawText.Contains("openapi"))
            // The document writes "/sites/" as "/sites".
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .ToList();
        return (mapped, documented);
    }
}
