using ConcurrencyLab.Testing;

namespace ConcurrencyLab.IoRunner.Tests;

public sealed class IoOpenApiTests
{
    [Fact]
    public async Task EveryRouteTheRunnerMapsIsInItsOpenApiDocument()
    {
        await using var lab = await IoLab.StartAsync();

        var (mapped, documented) = await OpenApiCoverage.ReadAsync(lab.IoRunner, "/io", IoLab.Cancel);

        Assert.True(mapped.Count >= 15, $"only {mapped.Count} routes found");
        Assert.Contains("GET /io/probe/{site}", mapped);
        Assert.All(mapped, route => Assert.Contains(route, documented));
    }
}
