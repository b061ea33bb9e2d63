using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class CpuOpenApiTests
{
    [Fact]
    public async Task EveryRouteTheRunnerMapsIsInItsOpenApiDocument()
    {
        await using var lab = await CpuLab.StartAsync();

        var (mapped, documented) = await OpenApiCoverage.ReadAsync(lab.App, "/cpu", CpuLab.Cancel);

        Assert.True(mapped.Count >= 15, $"only {mapped.Count} routes found");
        Assert.All(mapped, route => Assert.Contains(route, documented));
        // The request body's schema is there, with the fields the README's examples use.
        var document = await lab.Client.GetFromJsonAsync<JsonElement>("/cpu/openapi/v1.json", CpuLab.Cancel);
        var body = document.GetProperty("paths").GetProperty("/cpu/compare").GetProperty("post").GetProperty("requestBody");
        Assert.True(body.GetProperty("content").TryGetProperty("application/json", out _));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        foreach (var field in new[] { "strategy", "workers", "start", "count", "rounds", "tracing" })
            Assert.True(schemas.GetProperty("CpuRunRequest").GetProperty("properties").TryGetProperty(field, out _), $"CpuRunRequest has no {field}");
    }
}
