using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>Each strategy overlaps exactly as much as it claims, as the in-flight counter records.</summary>
public sealed class StrategyOverlapTests
{
    [Fact]
    public async Task SequentialRunsOneItemAtATimeOnOneThread()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(20);

        var report = await engine.RunAsync(work, new SequentialStrategy(), new StrategySettings(1));

        Assert.Equal("completed", report.Status);
        Assert.Equal(1, report.PeakInFlight);
        Assert.Single(work.Threads.Select(ran => ran.Thread).Distinct());
        Assert.Equal(20, Assert.Single(report.WorkersUsed).Items);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public async Task ThreadsRunExactlyWItemsAtOnceOnWDedicatedThreads(int workers)
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(40).MeetInGroupsOf(workers);

        var report = await engine.RunAsync(work, new ThreadsStrategy("test"), new StrategySettings(workers));

        Assert.Equal(0, report.Failed);
        Assert.Equal(workers, report.PeakInFlight);
        Assert.Equal(workers, report.WorkersUsed.Count);
        Assert.Equal(40, report.WorkersUsed.Sum(worker => worker.Items));
        Assert.All(work.Threads, ran => Assert.False(ran.Pool));
        // Shared session by default, one per thread with clientPerWorker.
        Assert.Equal(1, work.SessionsCreated);
    }

    [Fact]
    public async Task ClientPerWorkerGivesEachThreadItsOwnSession()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(12);

        await engine.RunAsync(work, new ThreadsStrategy("test"), new StrategySettings(3, ClientPerWorker: true));

        Assert.Equal(3, work.SessionsCreated);
    }

    [Fact]
    public async Task ThreadPoolRunsItsItemsOnPoolThreadsAtMostWAtOnce()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(30).MeetInGroupsOf(2);

        var report = await engine.RunAsync(work, new ThreadPoolStrategy(), new StrategySettings(2));

        Assert.Equal(0, report.Failed);
        Assert.Equal(2, report.PeakInFlight);
        Assert.All(work.Threads, ran => Assert.True(ran.Pool));
        // Items met in pairs, so at least two pool threads ran them at once.
        Assert.True(work.Threads.Select(ran => ran.Thread).Distinct().Count() >= 2);
        Assert.NotEmpty(report.ThreadPool!);
    }

    [Fact]
    public async Task AsyncStartsEveryItemBeforeAnyEnds()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(500).AllStartBeforeAnyEnds();

        var report = await engine.RunAsync(work, new AsyncStrategy(), new StrategySettings(500));

        Assert.Equal(500, report.Succeeded);
        Assert.Equal(500, report.PeakInFlight);
        // One lane per task in flight: 500 rows, as wide as the overlap.
        Assert.Equal(500, report.Timeline!.Select(entry => entry.Lane).Distinct().Count());
    }

    [Fact]
    public async Task AsyncWithMaxConcurrencyNeverExceedsIt()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(200);

        var report = await engine.RunAsync(work, new AsyncStrategy(), new StrategySettings(7, MaxConcurrency: 7));

        Assert.Equal(200, report.Succeeded);
        Assert.InRange(report.PeakInFlight, 1, 7);
        Assert.InRange(report.Timeline!.Select(entry => entry.Lane).Distinct().Count(), 1, 7);
    }

    [Fact]
    public async Task SpansOfASequentialRunNeverOverlapAndThoseOfAnAsyncRunDo()
    {
        using var engine = new EngineHarness();

        var sequential = await engine.RunAsync(new FakeWorkload(15), new SequentialStrategy(), new StrategySettings(1));
        var concurrent = await engine.RunAsync(new FakeWorkload(15).AllStartBeforeAnyEnds(), new AsyncStrategy(), new StrategySettings(15));

        var staircase = engine.ItemSpans(sequential.TraceId!).OrderBy(span => span.StartTimeUtc).ToList();
        var block = engine.ItemSpans(concurrent.TraceId!);
        Assert.Equal(15, staircase.Count);
        Assert.Equal(15, block.Count);
        Assert.All(staircase.Zip(staircase.Skip(1)), pair =>
            Assert.True(pair.First.StartTimeUtc + pair.First.Duration <= pair.Second.StartTimeUtc, "a sequential item started before the previous one ended"));
        // Every async item started before the first one ended.
        var firstEnd = block.Min(span => span.StartTimeUtc + span.Duration);
        Assert.All(block, span => Assert.True(span.StartTimeUtc <= firstEnd));
        Assert.All(block.Concat(staircase), span => Assert.Equal("fake.item", span.OperationName));
        Assert.All(staircase, span => Assert.NotNull(span.GetTagItem("thread.id")));
    }
}
