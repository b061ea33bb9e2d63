using System.Net;

namespace ConcurrencyLab.IoRunner.Tests;

/// <summary>What capped a run's overlap, named from what a real SiteStub and IoRunner recorded.</summary>
public sealed class IoLimiterTests
{
    [Fact]
    public async Task SiteStubsMaxConcurrentQueueIsNamedFromItsServerTimingFigures()
    {
        // SiteStub serves 2 at a time: 10 downloads at once queue behind them.
        await using var lab = await IoLab.StartAsync(siteStubSettings: new Dictionary<string, string?> { ["SiteStub:MaxConcurrent"] = "2" });

        var (response, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "async", sites = new[] { "dice" }, repeat = 10, latencyMs = 50 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // At least 8 of the 10 waited for one of SiteStub's 2 slots, each behind a 50 ms download
        // (the first 2 took the slots at once, unless SiteStub's own first requests were slow).
        var queue = report.GetProperty("serverQueue");
        Assert.InRange(queue.GetProperty("items").GetInt32(), 8, 10);
        // Two slots of 50 ms downloads: waits of 50, 100, 150 and 200 ms, twice over, if all arrived at once.
        // Arrivals spread over a few ms, so ask for less than half of that 1,000 ms.
        Assert.True(queue.GetProperty("totalMs").GetDouble() >= 400, $"the queued requests waited {queue.GetProperty("totalMs")} ms in all");
        var limiter = report.GetProperty("limiter");
        Assert.Equal("server queue", limiter.GetProperty("name").GetString());
        Assert.Contains(" of 10 requests waited in the server's queue (its MaxConcurrent)", limiter.GetProperty("because").GetString());
    }

    [Fact]
    public async Task WithoutAServerQueueTheWorkersAskedCapAThreadsRun()
    {
        await using var lab = await IoLab.StartAsync();

        var (_, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 2, sites = new[] { "dice" }, repeat = 6, latencyMs = 20 });

        Assert.Equal(JsonValueKindNull, report.GetProperty("serverQueue").ValueKind);
        Assert.Equal("workers asked", report.GetProperty("limiter").GetProperty("name").GetString());
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
