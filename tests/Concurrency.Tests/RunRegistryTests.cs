using ConcurrencyLab.Testing;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class RunRegistryTests
{
    [Fact]
    public void AdmissionRefusesBeyondItsPlacesAndAdmitsAgainWhenOneIsFreed()
    {
        var admission = new RunAdmission(places: 2);

        var first = admission.TryEnter();
        var second = admission.TryEnter();
        var third = admission.TryEnter();
        second!.Dispose();
        second.Dispose();
        var fourth = admission.TryEnter();

        Assert.NotNull(first);
        Assert.Null(third);
        Assert.NotNull(fourth);
        Assert.Equal(2, admission.InUse);
    }

    [Fact]
    public async Task OnlyTheFirstRunOfAStrategyInTheProcessIsMeasuredCold()
    {
        using var engine = new EngineHarness();

        var first = await engine.RunAsync(new FakeWorkload(3), new SequentialStrategy(), new StrategySettings(1));
        var second = await engine.RunAsync(new FakeWorkload(3), new SequentialStrategy(), new StrategySettings(1));
        var otherStrategy = await engine.RunAsync(new FakeWorkload(3), new ThreadsStrategy("test"), new StrategySettings(2));

        Assert.Equal((true, false, true), (first.MeasuredCold, second.MeasuredCold, otherStrategy.MeasuredCold));
    }

    [Fact]
    public async Task RunsOnThreadsOfTheirOwnCountTheirOwnCpuAndPoolRunsDoNot()
    {
        using var engine = new EngineHarness();

        var threads = await engine.RunAsync(new FakeWorkload(20), new ThreadsStrategy("test"), new StrategySettings(4));
        var pool = await engine.RunAsync(new FakeWorkload(20), new ThreadPoolStrategy(), new StrategySettings(4));

        // Only presence is asserted: the process's CPU clock ticks too coarsely to compare a short run's figures.
        Assert.NotNull(threads.OwnCpuMs);
        Assert.Null(pool.OwnCpuMs);
    }

    [Fact]
    public async Task RunsInTheSameProcessCountEachOtherAsOverlapping()
    {
        using var engine = new EngineHarness();
        var blocked = engine.Start(new FakeWorkload(2) { BlockUntilCancelled = true }, new ThreadsStrategy("test"), new StrategySettings(2));

        var during = await engine.RunAsync(new FakeWorkload(3), new SequentialStrategy(), new StrategySettings(1));
        blocked.Cancel();
        await blocked.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var after = await engine.RunAsync(new FakeWorkload(3), new SequentialStrategy(), new StrategySettings(1));

        Assert.Equal(1, during.OverlappingRuns);
        Assert.Equal(1, engine.Registry.Report(blocked).OverlappingRuns);
        Assert.Equal(0, after.OverlappingRuns);
    }

    [Fact]
    public async Task ARunReleasesItsPlaceWhenItEnds()
    {
        using var engine = new EngineHarness(new EngineOptions { MaxConcurrentRuns = 1 });
        var place = engine.Registry.Admission.TryEnter();
        Assert.Null(engine.Registry.Admission.TryEnter());

        var run = engine.Registry.Start(place, new FakeWorkload(3), new SequentialStrategy(), new StrategySettings(1), request: null);
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => engine.Registry.Admission.InUse == 0, TestContext.Current.CancellationToken);

        using var again = engine.Registry.Admission.TryEnter();
        Assert.NotNull(again);
    }

    [Fact]
    public async Task HistoryKeepsOnlyTheNewestFinishedRuns()
    {
        using var engine = new EngineHarness(new EngineOptions { History = 3 });
        var runs = await SixRunsOneAfterAnotherAsync(engine);

        var kept = engine.Registry.List();
        Assert.Equal(runs.TakeLast(3).Reverse().Select(run => run.Id), kept.Select(run => run.Id));
        Assert.Null(engine.Registry.Find(runs[0].Id));
        Assert.Same(runs[^1], engine.Registry.Find(runs[^1].Id));
    }

    [Fact]
    public async Task ALongRunAtTheHeadDoesNotStopTheHistoryBound()
    {
        using var engine = new EngineHarness(new EngineOptions { History = 3 });
        var longRun = engine.Start(new FakeWorkload(1) { BlockUntilCancelled = true }, new ThreadsStrategy("test"), new StrategySettings(1));
        var runs = await SixRunsOneAfterAnotherAsync(engine);

        var kept = engine.Registry.List();
        longRun.Cancel();

        Assert.Equal(runs.TakeLast(3).Reverse().Append(longRun).Select(run => run.Id), kept.Select(run => run.Id));
    }

    private static async Task<List<Run>> SixRunsOneAfterAnotherAsync(EngineHarness engine)
    {
        var runs = new List<Run>();
        for (var i = 0; i < 6; i++)
        {
            var run = engine.Start(new FakeWorkload(1), new SequentialStrategy(), new StrategySettings(1));
            await run.Finished.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            runs.Add(run);
        }

        return runs;
    }
}
