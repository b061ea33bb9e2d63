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

        var (response, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "async", sites = new[] { "dice" }, repeat = 10, latencyMs = 300 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // With 2 slots, 8 of the 10 wait behind 300 ms downloads when all arrive at once. On a
        // busy machine a connection can open late, after a slot came free: ask for most of them.
        var queue = report.GetProperty("serverQueue");
        Assert.InRange(queue.GetProperty("items").GetInt32(), 6, 10);
        // Waits of 300, 600, 900 and 1,200 ms, twice over, if all arrived at once: 6,000 ms. Ask for a third.
        Assert.True(queue.GetProperty("totalMs").GetDouble() >= 2_000, $"the queued requests waited {queue.GetProperty("totalMs")} ms in all");
        Assert.Equal(2, report.GetProperty("serverMaxConcurrent").GetInt32());
        var limiter = report.GetProperty("limiter");
        Assert.Equal("server queue", limiter.GetProperty("name").GetString());
        Assert.Contains(" of 10 requests waited in the server's queue (its MaxConcurrent)", limiter.GetProperty("because").GetString());
    }

    [Fact]
    public async Task AConnectionCapHoldsSiteStubToItsConnectionsAndIsNamed()
    {
        await using var lab = await IoLab.StartAsync();

        var (response, report) = await lab.PostAsync("/io/runs?wait=true",
            new { strategy = "threads", workers = 8, maxConnections = 2, sites = new[] { "dice" }, repeat = 8, latencyMs = 200 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(8, report.GetProperty("succeeded").GetInt32());
        Assert.Equal(2, report.GetProperty("maxConnections").GetInt32());
        // SiteStub never saw more than the two connections' requests at once, though 8 threads asked.
        Assert.Equal(2, lab.Stats.Snapshot().Total.PeakInFlight);
        Assert.True(report.GetProperty("peakInFlight").GetInt32() > 2, $"peak in flight {report.GetProperty("peakInFlight")}");
        var limiter = report.GetProperty("limiter");
        Assert.Equal("connection limit", limiter.GetProperty("name").GetString());
        Assert.Contains("on 2 connections (maxConnections): at most 2 downloads on the wire at once, about 4 in turn on each",
            limiter.GetProperty("because").GetString());
    }

    [Fact]
    public async Task WithoutAServerQueueTheWorkersAskedCapAThreadsRun()
    {
        await using var lab = await IoLab.StartAsync();

        var (_, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 2, sites = new[] { "dice" }, repeat = 6, latencyMs = 20 });

        // A fresh SiteStub may report a millisecond or two of "queue" for its first requests
        // (its own start-up), never enough to be the cap: the two lanes are.
        Assert.Equal("workers asked", report.GetProperty("limiter").GetProperty("name").GetString());
        Assert.StartsWith("2 workers asked for 6 items", report.GetProperty("limiter").GetProperty("because").GetString());
    }
}
