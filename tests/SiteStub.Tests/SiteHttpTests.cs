using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.SiteStub.Tests;

/// <summary>SiteStub as a real HttpClient sees it, on a real loopback server.</summary>
public sealed class SiteHttpTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("jython", 10 * 1024)]
    [InlineData("dice", 512)]
    [InlineData("DICE", 512)]
    public async Task EachSiteServesTheSameHtmlEveryTime(string site, int size)
    {
        await using var server = await SiteStubServer.StartAsync();

        using var first = await server.Client.GetAsync($"/sites/{site}?latencyMs=0", Cancel);
        var firstBody = await first.Content.ReadAsByteArrayAsync(Cancel);
        var secondBody = await server.Client.GetByteArrayAsync($"/sites/{site}?latencyMs=0", Cancel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("text/html", first.Content.Headers.ContentType?.MediaType);
        Assert.Equal(size, first.Content.Headers.ContentLength);
        Assert.Equal(size, firstBody.Length);
        Assert.Equal(firstBody, secondBody);
    }

    [Fact]
    public async Task SizeBytesSetsTheBodyLength()
    {
        await using var server = await SiteStubServer.StartAsync();

        var body = await server.Client.GetByteArrayAsync("/sites/jython?latencyMs=0&sizeBytes=1000000", Cancel);

        Assert.Equal(1_000_000, body.Length);
    }

    [Theory]
    [InlineData("/sites/nowhere")]
    [InlineData("/sites/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/sites/jython.html")]
    public async Task AnUnknownSiteIsA404ProblemListingTheSites(string path)
    {
        await using var server = await SiteStubServer.StartAsync();

        using var response = await server.Client.GetAsync(path, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("jython, dice", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ABadParameterIsA400ProblemNamingIt()
    {
        await using var server = await SiteStubServer.StartAsync();

        using var response = await server.Client.GetAsync("/sites/dice?failRate=2", Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("between 0 and 1", problem.GetProperty("errors").GetProperty("failRate")[0].GetString());
    }

    [Fact]
    public async Task CheckAnswersAsTheDownloadWouldWithoutServingIt()
    {
        await using var server = await SiteStubServer.StartAsync();

        using var good = await server.Client.GetAsync("/sites/dice/check?latencyMs=5000&failRate=1&failMode=hang", Cancel);
        using var bad = await server.Client.GetAsync("/sites/dice/check?failRate=2&dist=gaussian", Cancel);
        using var download = await server.Client.GetAsync("/sites/dice?failRate=2&dist=gaussian", Cancel);
        using var unknown = await server.Client.GetAsync("/sites/nowhere/check", Cancel);
        var checkErrors = (await bad.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").ToString();
        var downloadErrors = (await download.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("errors").ToString();
        var stats = await server.Client.GetFromJsonAsync<JsonElement>("/sites/stats", Cancel);

        // A 5 s latency with a hang would keep a download: the check answers at once and serves nothing.
        Assert.Equal(HttpStatusCode.NoContent, good.StatusCode);
        Assert.Equal(0, stats.GetProperty("total").GetProperty("served").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(downloadErrors, checkErrors);
        Assert.Contains("failRate", checkErrors);
        Assert.Contains("dist", checkErrors);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task FailModeStatusAnswersTheChosenStatus()
    {
        await using var server = await SiteStubServer.StartAsync();

        using var response = await server.Client.GetAsync("/sites/dice?latencyMs=0&failRate=1&failStatus=502", Cancel);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        await server.WaitUntilAsync(stats => stats.Sites["dice"].Faults.GetValueOrDefault("status") == 1);
    }

    [Fact]
    public async Task FailModeResetAbortsTheConnection()
    {
        await using var server = await SiteStubServer.StartAsync();

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            server.Client.GetAsync("/sites/dice?latencyMs=0&failRate=1&failMode=reset", Cancel));

        await server.WaitUntilAsync(stats => stats.Sites["dice"].Faults.GetValueOrDefault("reset") == 1);
    }

    [Fact]
    public async Task FailModeHangAnswersNothingUntilTheClientGivesUp()
    {
        await using var server = await SiteStubServer.StartAsync();
        using var clientTimeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        clientTimeout.CancelAfter(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            server.Client.GetAsync("/sites/dice?latencyMs=0&failRate=1&failMode=hang", clientTimeout.Token));

        // The server notices the client left, counts the hang and frees the request.
        await server.WaitUntilAsync(stats => stats.Total.Faults.GetValueOrDefault("hang") == 1 && stats.Total.InFlight == 0);
    }

    [Fact]
    public async Task AFailRateFailsAboutThatShareAndASeedAlwaysDecidesTheSame()
    {
        await using var server = await SiteStubServer.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var seed = 0; seed < 200; seed++)
        {
            using var response = await server.Client.GetAsync($"/sites/dice?latencyMs=0&failRate=0.3&seed={seed}", Cancel);
            statuses.Add(response.StatusCode);
        }

        var repeated = new List<HttpStatusCode>();
        for (var seed = 0; seed < 20; seed++)
        {
            using var response = await server.Client.GetAsync($"/sites/dice?latencyMs=0&failRate=0.3&seed={seed}", Cancel);
            repeated.Add(response.StatusCode);
        }

        Assert.InRange(statuses.Count(s => s == HttpStatusCode.ServiceUnavailable), 40, 80);
        Assert.Equal(200, statuses.Count(s => s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable));
        Assert.Equal(statuses.Take(20), repeated);
    }

    [Fact]
    public async Task TheServerTimingHeaderReportsTheSampledLatency()
    {
        await using var server = await SiteStubServer.StartAsync();

        using var first = await server.Client.GetAsync("/sites/dice?latencyMs=20&dist=uniform&jitterMs=10&seed=11", Cancel);
        using var again = await server.Client.GetAsync("/sites/dice?latencyMs=20&dist=uniform&jitterMs=10&seed=11", Cancel);

        var timing = first.Headers.GetValues("Server-Timing").Single();
        var latency = double.Parse(timing.Split("latency;dur=")[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(latency, 10, 30);
        Assert.Equal(timing.Split(',')[1], again.Headers.GetValues("Server-Timing").Single().Split(',')[1]);
    }

    [Fact]
    public async Task StatsCountServedRequestsAndResetClearsThem()
    {
        await using var server = await SiteStubServer.StartAsync();
        for (var i = 0; i < 3; i++)
            await server.Client.GetByteArrayAsync("/sites/jython?latencyMs=0", Cancel);
        await server.Client.GetByteArrayAsync("/sites/dice?latencyMs=0", Cancel);
        await server.WaitUntilAsync(stats => stats.Total.Served == 4);

        var stats = await server.Client.GetFromJsonAsync<JsonElement>("/sites/stats", Cancel);
        using var reset = await server.Client.PostAsync("/sites/stats/reset", null, Cancel);
        var after = await server.Client.GetFromJsonAsync<JsonElement>("/sites/stats", Cancel);

        Assert.Equal(3, stats.GetProperty("sites").GetProperty("jython").GetProperty("served").GetInt64());
        Assert.Equal(1, stats.GetProperty("sites").GetProperty("dice").GetProperty("served").GetInt64());
        Assert.Equal(4, stats.GetProperty("total").GetProperty("served").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Equal(0, after.GetProperty("total").GetProperty("served").GetInt64());
        Assert.Equal(0, after.GetProperty("total").GetProperty("peakInFlight").GetInt64());
    }

    [Fact]
    public async Task TheCatalogListsSitesProfilesAndParameters()
    {
        await using var server = await SiteStubServer.StartAsync();

        var catalog = await server.Client.GetFromJsonAsync<JsonElement>("/sites", Cancel);

        var names = catalog.GetProperty("sites").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["jython", "dice"], names);
        Assert.Equal(290, catalog.GetProperty("profiles").GetProperty("seed").GetProperty("latencyMs").GetDouble());
        Assert.Contains("failMode", catalog.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
    }
}
