using ConcurrencyLab.Testing;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class RunOutcomeTests
{
    public static TheoryData<string> Strategies => new("sequential", "threads", "threadpool", "async");

    private static IStrategy Strategy(string name) => name switch
    {
        "sequential" => new SequentialStrategy(),
        "threads" => new ThreadsStrategy("test"),
        "threadpool" => new ThreadPoolStrategy(),
        _ => new AsyncStrategy(),
    };

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task FailuresAreCountedByReasonAndTheRunStillCompletes(string strategy)
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(30)
        {
            FailWhen = index => index % 3 == 0 ? "http_503" : null,
            ThrowWhen = index => index is 1 or 4 or 7,
        };

        var report = await engine.RunAsync(work, Strategy(strategy), new StrategySettings(4));

        Assert.Equal("completed", report.Status);
        Assert.Equal(30, report.Succeeded + report.Failed);
        Assert.Equal(10, report.Errors["http_503"]);
        Assert.Equal(3, report.Errors["InvalidOperationException"]);
        Assert.Equal(17, report.Succeeded);
        Assert.Equal(17 * 100, report.Bytes);
        Assert.Equal(30, report.Timeline!.Count);
        Assert.Equal(13, report.Timeline.Count(entry => !entry.Ok));
        Assert.Equal(Enumerable.Range(0, 30), report.Timeline.Select(entry => entry.Index));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task CancellingStopsTheRunAndLeavesNoThreadOfIt(string strategy)
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(16) { BlockUntilCancelled = true };
        var run = engine.Start(work, Strategy(strategy), new StrategySettings(4));
        await Eventually.HoldsAsync(() => run.Recorder.InFlight.Current > 0, TestContext.Current.CancellationToken);

        run.Cancel();
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var report = engine.Registry.Report(run);
        Assert.Equal("cancelled", report.Status);
        Assert.True(report.Progress.Done < 16);
        Assert.Equal(0, run.Recorder.InFlight.Current);
        // Dedicated threads have ended (each marks its work done just before it exits, so Join
        // gives it the moment it needs); pool threads went back to the pool.
        Assert.All(work.Threads.Where(ran => !ran.Pool), ran => Assert.True(ran.Thread.Join(TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task TheReportDerivesIdealTimeAndEfficiencyFromTheMeasuredWallTime()
    {
        using var engine = new EngineHarness();
        // The fake items sleep about a millisecond, so the ideal assumes one.
        var work = new FakeWorkload(20) { ItemMs = 1 };

        var report = await engine.RunAsync(work, new ThreadsStrategy("test"), new StrategySettings(4));

        Assert.Equal(Math.Ceiling(20 / 4.0) * 1, report.IdealMs);
        var efficiency = report.IdealMs / report.WallMs;
        Assert.InRange(report.Efficiency, efficiency * 0.999, efficiency * 1.001);
        Assert.Equal(20, report.Succeeded);
        Assert.Equal(Bound.Classify(report.CpuMs, report.WallMs), report.Bound);
        Assert.NotNull(report.TraceId);
        Assert.NotNull(report.LatencyMs);
        Assert.True(report.LatencyMs.Min <= report.LatencyMs.P50 && report.LatencyMs.P50 <= report.LatencyMs.P99 && report.LatencyMs.P99 <= report.LatencyMs.Max);
    }

    [Fact]
    public async Task TheTimelineIsCappedAndSaysSo()
    {
        using var engine = new EngineHarness(new EngineOptions { TimelineCap = 5 });

        var report = await engine.RunAsync(new FakeWorkload(12), new SequentialStrategy(), new StrategySettings(1));

        Assert.Equal(5, report.Timeline!.Count);
        Assert.True(report.TimelineTruncated);
        Assert.Equal(12, report.Progress.Done);
    }
}
