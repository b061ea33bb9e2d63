using System.Net;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.IoRunner.Tests;

public sealed class IoRunLifecycleTests
{
    [Fact]
    public async Task AWarmedRunnerIsHealthyOnlyAfterWarmingAndItsFirstRunsAreNotCold()
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: new Dictionary<string, string?> { ["Lab:WarmUp"] = "true" });
        await Eventually.HoldsAsync(async () => (await lab.Client.GetAsync("/health", IoLab.Cancel)).IsSuccessStatusCode, IoLab.Cancel);
        var warmed = (await lab.GetAsync("/io/strategies")).EnumerateArray().Select(strategy => strategy.GetProperty("warmUp")).ToList();

        // Each strategy (sequential, threads, threadpool, async, processes) ran its warming
        // passes of both sites 32 times, then one warm pass whose worker costs predictions keep.
        Assert.Equal(5, warmed.Count);
        Assert.All(warmed, warmth => Assert.InRange(warmth.GetProperty("passes").GetInt32(), 1, 8));
        var passes = warmed.Sum(warmth => warmth.GetProperty("passes").GetInt32()) + warmed.Count;
        // SiteStub counts a download after its last byte has left: the last few may still be on their way.
        await lab.WaitUntilAsync(stats => stats.Total.Served == 64 * passes);

        var (_, threads) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 2, repeat = 2, latencyMs = 0 });
        var runs = await lab.GetAsync("/io/runs");
        Assert.False(threads.GetProperty("measuredCold").GetBoolean());
        Assert.Equal(threads.GetProperty("id").GetString(), Assert.Single(runs.EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task ARunIsAcceptedAtOnceAndItsReportFillsInAsItemsFinish()
    {
        var time = new CountingFakeTime();
        await using var lab = await IoLab.StartAsync(siteStubTime: time);

        var (accepted, first) = await lab.PostAsync("/io/runs", new { strategy = "async", repeat = 3, latencyMs = 100 });
        var location = accepted.Headers.Location!.ToString();
        await lab.WaitUntilAsync(stats => stats.Total.InFlight == 6);
        var during = await lab.GetAsync(location);
        await time.WaitForTimersAsync(6, IoLab.Cancel);
        var completed = Eventually.HoldsAsync(async () => (await lab.GetAsync(location)).GetProperty("status").GetString() == "completed", IoLab.Cancel);
        await time.AdvanceUntilAsync(completed, TimeSpan.FromMilliseconds(100), IoLab.Cancel);
        var after = await lab.GetAsync(location);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal($"/io/runs/{first.GetProperty("id").GetString()}", location);
        Assert.Equal("running", during.GetProperty("status").GetString());
        Assert.Equal(0, during.GetProperty("progress").GetProperty("done").GetInt32());
        Assert.Equal(6, after.GetProperty("progress").GetProperty("done").GetInt32());
        Assert.Equal(6, after.GetProperty("timeline").GetArrayLength());
        var withoutTimeline = await lab.GetAsync(location + "?timeline=false");
        Assert.Equal(JsonValueKind.Null, withoutTimeline.GetProperty("timeline").ValueKind);
    }

    [Theory]
    [InlineData("threads")]
    [InlineData("async")]
    [InlineData("processes")]
    public async Task DeleteCancelsARunAndLeavesNoThreadOrProcessOfIt(string strategy)
    {
        await using var lab = await IoLab.StartAsync();
        // Every download hangs until the client gives up; the run timeout is far away.
        var (_, started) = await lab.PostAsync("/io/runs", new { strategy, workers = 2, repeat = 10, failRate = 1, failMode = "hang", timeoutMs = 600_000 });
        var id = started.GetProperty("id").GetString();
        await lab.WaitUntilAsync(stats => stats.Total.InFlight >= 2);
        var pids = (await lab.GetAsync($"/io/runs/{id}")).GetProperty("workersUsed").EnumerateArray()
            .Where(worker => worker.GetProperty("kind").GetString() == "process")
            .Select(worker => worker.GetProperty("pid").GetInt32()).ToList();

        using var cancel = await lab.Client.DeleteAsync($"/io/runs/{id}", IoLab.Cancel);
        await Eventually.HoldsAsync(async () => (await lab.GetAsync($"/io/runs/{id}")).GetProperty("status").GetString() == "cancelled", IoLab.Cancel);

        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        var report = await lab.GetAsync($"/io/runs/{id}");
        Assert.True(report.GetProperty("progress").GetProperty("done").GetInt32() < 20);
        // SiteStub sees every connection of the run closed.
        await lab.WaitUntilAsync(stats => stats.Total.InFlight == 0);
        if (strategy == "processes")
        {
            Assert.Equal(2, pids.Count);
            Assert.All(pids, pid => Assert.True(ServiceProcess.IsGone(pid), $"worker {pid} outlived its cancelled run"));
        }
    }

    [Fact]
    public async Task MoreRunsThanTheLimitGet429WithRetryAfter()
    {
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: new Dictionary<string, string?> { ["IoRunner:MaxConcurrentRuns"] = "1" });
        var (_, first) = await lab.PostAsync("/io/runs", new { strategy = "async", repeat = 2, failRate = 1, failMode = "hang", timeoutMs = 600_000 });

        var (refused, problem) = await lab.PostAsync("/io/runs", new { strategy = "sequential", repeat = 1 });
        var (compareRefused, _) = await lab.PostAsync("/io/compare", new { repeat = 1 });
        using var cancel = await lab.Client.DeleteAsync($"/io/runs/{first.GetProperty("id").GetString()}", IoLab.Cancel);
        await Eventually.HoldsAsync(async () =>
        {
            var (again, _) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "sequential", repeat = 1, latencyMs = 0 });
            return again.StatusCode == HttpStatusCode.OK;
        }, IoLab.Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal((HttpStatusCode)429, compareRefused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("MaxConcurrentRuns", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("status", "http_503")]
    [InlineData("reset", "reset")]
    [InlineData("hang", "timeout")]
    public async Task FailedDownloadsAreCountedByReasonAndTheRunCompletes(string failMode, string reason)
    {
        await using var lab = await IoLab.StartAsync();

        var (_, report) = await lab.PostAsync("/io/runs?wait=true",
            new { strategy = "async", repeat = 10, latencyMs = 0, failRate = 0.5, failMode, seed = 1, timeoutMs = 3_000 });

        Assert.Equal("completed", report.GetProperty("status").GetString());
        var failed = report.GetProperty("failed").GetInt32();
        Assert.Equal(20, report.GetProperty("succeeded").GetInt32() + failed);
        Assert.InRange(failed, 1, 19);
        Assert.Equal(failed, report.GetProperty("errors").GetProperty(reason).GetInt32());
    }
}
