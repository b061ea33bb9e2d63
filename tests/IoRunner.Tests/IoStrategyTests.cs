using System.Net;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.IoRunner.Tests;

/// <summary>Every strategy against a real SiteStub: every byte downloaded, overlap as claimed.</summary>
public sealed class IoStrategyTests
{
    private const int JythonBytes = 10 * 1024;
    private const int DiceBytes = 512;

    [Theory]
    [InlineData("sequential", 1)]
    [InlineData("threads", 3)]
    [InlineData("threadpool", 3)]
    [InlineData("async", 10)]
    [InlineData("processes", 2)]
    public async Task EachStrategyDownloadsEveryByte(string strategy, int workers)
    {
        await using var lab = await IoLab.StartAsync();

        var (response, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy, workers, repeat = 5, latencyMs = 20 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(10, report.GetProperty("succeeded").GetInt32());
        Assert.Equal(5 * (JythonBytes + DiceBytes), report.GetProperty("bytes").GetInt64());
        Assert.Equal(10, report.GetProperty("timeline").GetArrayLength());
        Assert.Equal(workers, report.GetProperty("workers").GetInt32());
        Assert.InRange(report.GetProperty("peakInFlight").GetInt64(), 1, workers);
        // SiteStub saw exactly the run's downloads (it counts one after its last byte has left).
        await lab.WaitUntilAsync(stats => stats.Total.Served == 10);
    }

    [Fact]
    public async Task TheProcessesStrategyUsesRealWorkerProcessesThatEndWithTheRun()
    {
        await using var lab = await IoLab.StartAsync();

        var (_, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "processes", workers = 2, repeat = 3, latencyMs = 10 });

        var workers = report.GetProperty("workersUsed").EnumerateArray().ToList();
        Assert.Equal(2, workers.Count);
        var pids = workers.Select(worker => worker.GetProperty("pid").GetInt32()).ToList();
        Assert.All(workers, worker => Assert.Equal("process", worker.GetProperty("kind").GetString()));
        Assert.DoesNotContain(Environment.ProcessId, pids);
        Assert.Equal(6, workers.Sum(worker => worker.GetProperty("items").GetInt32()));
        Assert.True(report.GetProperty("startupMs").GetDouble() > 0);
        Assert.All(pids, pid => Assert.True(ServiceProcess.IsGone(pid), $"worker process {pid} outlived its run"));
    }

    [Fact]
    public async Task AsyncHasEveryDownloadInFlightAtOnceAsSiteStubSeesIt()
    {
        // The stub's clock only moves when the test says: every download waits until all 40 are in.
        var time = new CountingFakeTime();
        await using var lab = await IoLab.StartAsync(siteStubTime: time);

        var run = lab.PostAsync("/io/runs?wait=true", new { strategy = "async", repeat = 20, latencyMs = 100 });
        await lab.WaitUntilAsync(stats => stats.Total.InFlight == 40);
        await time.WaitForTimersAsync(40, IoLab.Cancel);
        await time.AdvanceUntilAsync(run, TimeSpan.FromMilliseconds(100), IoLab.Cancel);
        var (_, report) = await run;

        Assert.Equal(40, report.GetProperty("succeeded").GetInt32());
        Assert.Equal(40, report.GetProperty("peakInFlight").GetInt64());
        Assert.Equal(40, lab.Stats.Snapshot().Total.PeakInFlight);
    }

    [Fact]
    public async Task ThreadsNeverHaveMoreThanWDownloadsAtSiteStub()
    {
        var time = new CountingFakeTime();
        await using var lab = await IoLab.StartAsync(siteStubTime: time);

        var run = lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 4, repeat = 6, latencyMs = 100 });
        // The first four are in at once; from then on the clock moves until the run is done.
        await lab.WaitUntilAsync(stats => stats.Total.InFlight == 4);
        await time.WaitForTimersAsync(4, IoLab.Cancel);
        await time.AdvanceUntilAsync(run, TimeSpan.FromMilliseconds(100), IoLab.Cancel);

        var (_, report) = await run;
        Assert.Equal(12, report.GetProperty("succeeded").GetInt32());
        Assert.Equal(4, report.GetProperty("peakInFlight").GetInt64());
        Assert.Equal(4, lab.Stats.Snapshot().Total.PeakInFlight);
        Assert.Equal(4, report.GetProperty("timeline").EnumerateArray().Select(entry => entry.GetProperty("lane").GetString()).Distinct().Count());
    }
}
