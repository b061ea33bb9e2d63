using ConcurrencyLab.Testing;

namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SiteOpenApiTests
{
    [Fact]
    public async Task EveryRouteSiteStubMapsIsInItsOpenApiDocument()
    {
        await using var server = await SiteStubServer.StartAsync();

        var (mapped, documented) = await OpenApiCoverage.ReadAsync(server.App, "/sites", TestContext.Current.CancellationToken);

        Assert.True(mapped.Count >= 5, $"only {mapped.Count} routes found");
        Assert.All(mapped, route => Assert.Contains(route, documented));
    }
}
