using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.AppHost.Tests;

[Collection(LabCollection.Name)]
public sealed class GatewayTests(LabAppFixture lab)
{
    [Fact]
    public async Task IndexListsTheEndpointsAndTheDashboard()
    {
        using var gateway = lab.CreateClient("gateway");

        using var index = await gateway.GetFromJsonAsync<JsonDocument>("/api", TestContext.Current.CancellationToken);

        var root = index!.RootElement;
        Assert.Equal("Concurrency Lab", root.GetProperty("name").GetString());
        Assert.StartsWith("http", root.GetProperty("dashboard").GetString());
        var paths = root.GetProperty("endpoints").EnumerateArray().Select(e => e.GetProperty("path").GetString()).ToList();
        Assert.Contains("/sites/{name}", paths);
        Assert.Contains("/io/probe/{site}", paths);
        Assert.Contains("/cpu/work", paths);
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData("/_framework/blazor.web.js", "text/javascript")]
    [InlineData("/_content/Plotly.Blazor/plotly-3.7.0.min.js", "text/javascript")]
    [InlineData("/lab.css", "text/css")]
    public async Task ThePageAndEveryScriptItNeedsAreServedByTheGatewayItself(string path, string mediaType)
    {
        using var gateway = lab.CreateClient("gateway");

        using var response = await gateway.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("jython", 10 * 1024)]
    [InlineData("dice", 512)]
    public async Task SitesAreProxiedToSiteStub(string site, int expectedBytes)
    {
        using var gateway = lab.CreateClient("gateway");

        using var response = await gateway.GetAsync($"/sites/{site}?latencyMs=0", TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expectedBytes, body.Length);
    }

    [Fact]
    public async Task IoRunnerDownloadsFromSiteStubThroughServiceDiscovery()
    {
        using var gateway = lab.CreateClient("gateway");

        using var probe = await gateway.GetFromJsonAsync<JsonDocument>("/io/probe/dice", TestContext.Current.CancellationToken);

        Assert.Equal(200, probe!.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(512, probe.RootElement.GetProperty("bytes").GetInt64());
    }

    [Fact]
    public async Task CpuWorkReturnsTheExactSumThroughTheGateway()
    {
        using var gateway = lab.CreateClient("gateway");

        using var response = await gateway.PostAsJsonAsync("/cpu/work", new { n = 5_000_000 }, TestContext.Current.CancellationToken);
        using var result = await response.Content.ReadFromJsonAsync<JsonDocument>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ClosedForm(5_000_000), result!.RootElement.GetProperty("sum").GetString());
        Assert.True(result.RootElement.GetProperty("pid").GetInt32() > 0);
    }

    [Fact]
    public async Task BadInputIsAProblemThatNamesTheField()
    {
        using var gateway = lab.CreateClient("gateway");
        var cancel = TestContext.Current.CancellationToken;

        using var negative = await gateway.PostAsJsonAsync("/cpu/work", new { n = -1 }, cancel);
        using var unknownSite = await gateway.GetAsync("/sites/nowhere", cancel);
        using var badLatency = await gateway.GetAsync("/sites/dice?latencyMs=abc", cancel);

        Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
        Assert.Equal("application/problem+json", negative.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"n\"", await negative.Content.ReadAsStringAsync(cancel));
        Assert.Equal(HttpStatusCode.NotFound, unknownSite.StatusCode);
        Assert.Equal("application/problem+json", unknownSite.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badLatency.StatusCode);
        Assert.Contains("latencyMs", await badLatency.Content.ReadAsStringAsync(cancel));
    }

    private static string ClosedForm(long n)
    {
        var big = new System.Numerics.BigInteger(n);
        return ((big - 1) * big * (2 * big - 1) / 6).ToString();
    }
}
