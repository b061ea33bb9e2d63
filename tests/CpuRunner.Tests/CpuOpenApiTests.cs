using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class CpuOpenApiTests
{
    [Fact]
    public async Task EveryRouteTheRunnerMapsIsInItsOpenApiDocument()
    {
        await using var lab = await CpuLab.StartAsync();

        var document = await lab.Client.GetFromJsonAsync<JsonElement>("/cpu/openapi/v1.json", CpuLab.Cancel);

        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(method => $"{method.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = lab.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText!.StartsWith("/cpu/", StringComparison.Ordinal) && !endpoint.RoutePattern.RawText.Contains("openapi"))
            .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(method => $"{method} {endpoint.RoutePattern.RawText}"))
            .ToList();
        Assert.True(mapped.Count >= 15, $"only {mapped.Count} routes found");
        Assert.All(mapped, route => Assert.Contains(route, documented));
        // The request body's schema is there, with the fields the README's examples use.
        var body = document.GetProperty("paths").GetProperty("/cpu/compare").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var field in new[] { "strategy", "workers", "start", "count", "rounds", "tracing" })
            Assert.True(schemas.GetProperty("CpuRunRequest").GetProperty("properties").TryGetProperty(field, out _), $"CpuRunRequest has no {field}");
    }
}
