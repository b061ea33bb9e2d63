using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class LimiterTests
{
    private const int Cores = 2;

    [Fact]
    public void SlowWorkerStartUpIsNamedFirst()
    {
        var limiter = Limiters.Of(Report(workers: 2, items: 20, peak: 2, wallMs: 1000) with { StartupMs = 300 }, new ProcessesStrategy(), Cores)!;

        Assert.Equal(LimiterNames.Startup, limiter.Name);
        Assert.Equal("starting its worker processes took 300 ms, 30% of the run's 1000 ms.", limiter.Because);
    }

    [Fact]
    public void MoreRunnableItemsThanCoresWithTheCoresBusyAreHeldByTheCores()
    {
        var limiter = Limiters.Of(Report(workers: 8, items: 20, peak: 8, wallMs: 1000, cpuMs: 1900), new ThreadsStrategy("test"), Cores)!;

        Assert.Equal(LimiterNames.Cores, limiter.Name);
        Assert.Equal("8 items were runnable at once on 2 cores, and 1.90 cores were busy (cpu 1900 ms over 1000 ms).", limiter.Because);
    }

    [Fact]
    public void AnIoRunThatFilledEveryLaneIsHeldByTheWorkersAsked()
    {
        var limiter = Limiters.Of(Report(workers: 10, items: 160, peak: 10, wallMs: 1600, cpuMs: 50), new ThreadsStrategy("test"), Cores)!;

        Assert.Equal(LimiterNames.Workers, limiter.Name);
        Assert.Equal("10 workers asked for 160 items: at most 10 ran at once, about 16 items in turn on each.", limiter.Because);
    }

    [Fact]
    public void MoreItemsInFlightThanTheSharedClientsConnectionsAreHeldByTheConnectionLimit()
    {
        var limiter = Limiters.Of(Report(workers: 160, items: 160, peak: 160, wallMs: 1600, cpuMs: 40) with { MaxConnections = 10 }, new AsyncStrategy(), Cores)!;

        Assert.Equal(LimiterNames.Connections, limiter.Name);
        Assert.Equal("160 items were in flight on 10 connections (maxConnections): at most 10 downloads on the wire at once, about 16 in turn on each.", limiter.Because);
    }

    [Fact]
    public void AConnectionCapAboveWhatWasInFlightDidNotBind() =>
        Assert.Equal(LimiterNames.Workers,
            Limiters.Of(Report(workers: 10, items: 160, peak: 10, wallMs: 1600, cpuMs: 50) with { MaxConnections = 20 }, new ThreadsStrategy("test"), Cores)!.Name);

    [Fact]
    public void ARunWithEveryItemInFlightWasNotCapped() =>
        Assert.Equal(LimiterNames.None, Limiters.Of(Report(workers: 160, items: 160, peak: 160, wallMs: 120, cpuMs: 40), new AsyncStrategy(), Cores)!.Name);

    [Fact]
    public void APoolThatNeverReachedTheWorkersAskedIsTheThreadPools()
    {
        var report = Report(workers: 20, items: 80, peak: 6, wallMs: 4000, cpuMs: 30) with { ThreadPoolThreads = new IntRange(2, 7) };

        var limiter = Limiters.Of(report, new ThreadPoolStrategy(), Cores)!;

        Assert.Equal(LimiterNames.ThreadPool, limiter.Name);
        Assert.Equal("20 blocking calls needed 20 pool threads; the pool had 2 when the run began and 7 at most, so at most 6 ran at once.", limiter.Because);
        // Once the pool kept up, the workers asked were the cap.
        Assert.Equal(LimiterNames.Workers, Limiters.Of(report with { PeakInFlight = 20 }, new ThreadPoolStrategy(), Cores)!.Name);
    }

    [Fact]
    public void TheEventLoopNamesItsOneThread()
    {
        var limiter = Limiters.Of(Report(workers: 1, items: 20, peak: 20, wallMs: 4000, cpuMs: 3960), new EventLoopStrategy(), Cores)!;

        Assert.Equal(LimiterNames.EventLoop, limiter.Name);
        Assert.Equal("all 20 items interleaved on the event loop's one thread: 0.99 cores busy of 2.", limiter.Because);
    }

    [Fact]
    public async Task AGilRunIsHeldByItsLockWhichItsItemsWaitedFor()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(6) { CpuMsPerItem = 5 };

        var report = await engine.RunAsync(work, new GilStrategy(), new StrategySettings(2, SwitchIntervalMs: 5));

        Assert.Equal(LimiterNames.Gil, report.Limiter!.Name);
        Assert.StartsWith("2 threads took turns holding one lock: their items spent ", report.Limiter.Because);
    }

    [Fact]
    public async Task AThreadsRunWithFewerLanesThanItemsIsHeldByTheWorkersAsked()
    {
        using var engine = new EngineHarness();
        // The first two items meet: two run at once, which is every lane.
        var work = new FakeWorkload(6).MeetInGroupsOf(2);

        var report = await engine.RunAsync(work, new ThreadsStrategy("test"), new StrategySettings(2));

        Assert.Equal(LimiterNames.Workers, report.Limiter!.Name);
        var comparison = Comparisons.From("compare", "io", null, [report]);
        Assert.Equal(LimiterNames.Workers, comparison.Rows[0].Limiter);
        Assert.Contains(comparison.Verdict, sentence => sentence.StartsWith("What capped each run's overlap: threads (2), workers asked"));
    }

    private static RunReport Report(int workers, int items, long peak, double wallMs, double cpuMs = 10) =>
        TestReports.Completed("threads", workers, items, wallMs, cpuMs, peak) with { Id = "r" };
}
