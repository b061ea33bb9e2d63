using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class PredictionTests
{
    private static PredictionInputs Inputs(int items, int workers, double itemMs, double cpuMs, int pool = 2, double? startup = null, int? maxConcurrency = null,
        double dispatch = 0) =>
        new(items, workers, maxConcurrency, itemMs, cpuMs, Cores: 2, pool, startup, dispatch);

    [Fact]
    public void WaitsOverlapInWavesOfTheLanes() =>
        // 160 downloads of 100 ms, 1 ms of CPU each, on 10 threads: 16 waves.
        Assert.Equal(1_600, new ThreadsStrategy("t").PredictMs(Inputs(160, 10, 100, 1)));

    [Fact]
    public void ComputingSpreadsOverNoMoreCoresThanLanes()
    {
        // 20 sums of 200 ms, 198 of it on CPU: 2 threads on 2 cores, 10 waves of 200 ms.
        Assert.Equal(2_000, new ThreadsStrategy("t").PredictMs(Inputs(20, 2, 200, 198)));
        // 8 threads still have 2 cores: 20 × 198 / 2.
        Assert.Equal(1_980, new ThreadsStrategy("t").PredictMs(Inputs(20, 8, 200, 198)));
    }

    [Fact]
    public void TheGilSerialisesTheCpuPartAndTheEventLoopEverything()
    {
        Assert.Equal(4_000, new GilStrategy().PredictMs(Inputs(20, 2, 200, 200)));
        Assert.Equal(3_960, new EventLoopStrategy().PredictMs(Inputs(20, 1, 200, 198)));
        Assert.Equal(4_000, new SequentialStrategy().PredictMs(Inputs(20, 1, 200, 198)));
    }

    [Fact]
    public void ProcessesAddTheirLastMeasuredStartUpAndDispatch()
    {
        Assert.Equal(2_045, new ProcessesStrategy().PredictMs(Inputs(20, 2, 200, 198, startup: 45)));
        // A 1 ms round trip per item: 10 waves of 201 ms.
        Assert.Equal(2_055, new ProcessesStrategy().PredictMs(Inputs(20, 2, 200, 198, startup: 45, dispatch: 1)));
    }

    [Fact]
    public void ACompareUsesEachStrategysLastMeasuredDispatch()
    {
        var comparison = Comparisons.From("compare", "io", null,
            [[Report("sequential", 1, 4_000, 40, 1)], [Report("processes", 2, 2_100, 40, 2)]],
            [new SequentialStrategy(), new ProcessesStrategy()], new WorkerCosts(new Dictionary<string, double> { ["processes"] = 50 }, new Dictionary<string, double> { ["processes"] = 2 }));

        // 40 items of 100 ms on 2 workers: 20 waves of 100 + 2 ms, after 50 ms of start-up.
        Assert.Equal(2_090, comparison.Rows[1].PredictedMs);
    }

    [Fact]
    public void AsyncOverlapsEveryItemOrItsMaxConcurrency()
    {
        Assert.Equal(100, new AsyncStrategy().PredictMs(Inputs(160, 160, 100, 0.2)));
        Assert.Equal(400, new AsyncStrategy().PredictMs(Inputs(160, 40, 100, 0.2, maxConcurrency: 40)));
    }

    [Fact]
    public void EachItemKeepsItsOwnTimeSoAWaveLastsAsLongAsItsSlowestItem()
    {
        double[] times = [400, 100, 100, 100, 100];
        var inputs = Inputs(5, 2, itemMs: 160, cpuMs: 1) with { ItemTimesMs = times };

        // Every item at once: the slowest, 400 ms, not the mean's 160.
        Assert.Equal(400, new AsyncStrategy().PredictMs(inputs with { Workers = 5 }));
        Assert.Equal(400, new EventLoopStrategy().PredictMs(inputs with { Workers = 1 }));
        // Two lanes: one takes the 400 ms item, the other the four of 100 ms; the mean would give 3 waves of 160.
        Assert.Equal(400, new ThreadsStrategy("t").PredictMs(inputs));
        Assert.Equal(480, new ThreadsStrategy("t").PredictMs(inputs with { ItemTimesMs = null }));
    }

    [Fact]
    public void AConnectionCapNarrowsTheLanes()
    {
        // 160 downloads of 100 ms at once, on 10 connections: 16 waves.
        Assert.Equal(1_600, new AsyncStrategy().PredictMs(Inputs(160, 160, 100, 0.2) with { MaxOnTheWire = 10 }));
        Assert.Equal(1_600, new ThreadsStrategy("t").PredictMs(Inputs(160, 40, 100, 0.2) with { MaxOnTheWire = 10 }));
    }

    [Fact]
    public void TheServersMaxConcurrentOrTheClientsConnectionsWhicheverIsLowerCapAComparesLanes()
    {
        IStrategy[] strategies = [new SequentialStrategy(), new AsyncStrategy()];
        var sequential = Report("sequential", 1, 4_000, 40, 1);
        var async = Report("async", 40, 450, 40, 40) with { ServerMaxConcurrent = 10 };

        // 40 downloads of 100 ms, 10 served at a time: 4 waves.
        Assert.Equal(400, Comparisons.From("compare", "io", null, [[sequential], [async]], strategies).Rows[1].PredictedMs);
        // 5 connections are fewer still: 8 waves.
        Assert.Equal(800, Comparisons.From("compare", "io", null, [[sequential], [async with { MaxConnections = 5 }]], strategies).Rows[1].PredictedMs);
    }

    [Fact]
    public void DispatchIsCpuWorkOnTheSameCores()
    {
        // 20 items of 2 ms on CPU, 1 ms to dispatch each, 2 worker processes already started: 10 waves of 3 ms, or 20 × 3 ms over 2 cores.
        Assert.Equal(30, new ProcessesStrategy().PredictMs(Inputs(20, 2, 2, 2, dispatch: 1)));
        // 8 lanes still have 2 cores: 20 × (2 + 1) / 2, not 3 waves of 3 ms.
        Assert.Equal(30, new ProcessesStrategy().PredictMs(Inputs(20, 8, 2, 2, dispatch: 1)));
    }

    [Fact]
    public void ACompareTakesEachItemsTimeFromTheSequentialRunsTimeline()
    {
        var timeline = Enumerable.Range(0, 40).Select(index => new TimelineEntry(index, "main", index * 100, index == 7 ? 460 : 85, Ok: true)).ToList();
        var sequential = Report("sequential", 1, 3_775, 40, 1) with { Timeline = timeline };
        var comparison = Comparisons.From("compare", "io", null, [[sequential], [Report("async", 40, 470, 40, 40)]],
            [new SequentialStrategy(), new AsyncStrategy()]);

        // All 40 at once end with the slowest, item 7: 460 ms (the mean is 94 ms).
        Assert.Equal(460, comparison.Rows[1].PredictedMs);
    }

    [Fact]
    public void ThePoolGrowsTwoThreadsASecondFromItsSizeAtTheStart()
    {
        // 8 items of 1 s, 8 workers, a pool of 2: lanes at 0, 0, 0.5, 1, 1.5, 2, 2.5 and 3 s.
        // The items start at 0, 0, 0.5, 1, 1, 1, 1.5 and 1.5 s: the last ends at 2.5 s.
        Assert.Equal(2_500, new ThreadPoolStrategy().PredictMs(Inputs(8, 8, 1_000, 0)));
        // A pool already as large as the workers asked: one wave.
        Assert.Equal(1_000, new ThreadPoolStrategy().PredictMs(Inputs(8, 8, 1_000, 0, pool: 8)));
    }

    [Fact]
    public void ACompareSetsPredictedBesideMeasuredAndExplainsAGapWithTheLimiter()
    {
        IStrategy[] strategies = [new SequentialStrategy(), new ThreadsStrategy("t"), new ThreadPoolStrategy()];
        var sequential = Report("sequential", workers: 1, wallMs: 4_000, cpuMs: 40, peak: 1);
        var threads = Report("threads", workers: 10, wallMs: 420, cpuMs: 40, peak: 10);
        var pool = Report("threadpool", workers: 10, wallMs: 1_900, cpuMs: 40, peak: 4) with
        {
            ThreadPoolThreads = new IntRange(2, 5),
            Limiter = new Limiter(LimiterNames.ThreadPool, "10 blocking calls needed 10 pool threads; the pool had 2."),
        };

        var comparison = Comparisons.From("compare", "io", null, [[sequential], [threads], [pool]], strategies);

        // 40 items of 100 ms, 1 % on CPU (cpuMs / wallMs of the sequential run). The pool:
        // 2 lanes for 0.5 s (10 items), 3 for the next 0.5 s (15), then 4 for the last 15 (4 waves).
        Assert.Equal([4_000.0, 400.0, 1_400.0], comparison.Rows.Select(row => row.PredictedMs!.Value));
        var sentence = comparison.Verdict.Single(line => line.StartsWith("Predicted against measured"));
        Assert.Contains("100 ms each, 1 ms of it on CPU", sentence);
        Assert.Contains("threads (10) predicted 400 ms (10.0×), measured 420 ms (+5%)", sentence);
        Assert.Contains("threadpool (10) predicted 1.40 s (2.86×), measured 1.90 s (+36%) — thread pool: 10 blocking calls needed 10 pool threads; the pool had 2", sentence);
        Assert.Contains("predicted ms", ReportText.Comparison(comparison));
    }

    [Fact]
    public void ASweepIsPredictedFromItsSequentialProbe()
    {
        // The probe: 4 items of 100 ms, 1 % on CPU. The sweep: 40 items on 1, 2 and 4 threads.
        var probe = TestReports.Completed("sequential", 1, 4, 400, 4, 1);
        var comparison = Comparisons.From("sweep", "io", null,
            [[Report("threads", 1, 4_100, 40, 1)], [Report("threads", 2, 2_050, 40, 2)], [Report("threads", 4, 1_030, 40, 4)]],
            [new ThreadsStrategy("t")], probe: probe);

        Assert.Equal([4_000.0, 2_000.0, 1_000.0], comparison.Rows.Select(row => row.PredictedMs!.Value));
        Assert.Equal([1.0, 2.0, 4.0], comparison.Rows.Select(row => row.PredictedSpeedup!.Value));
        var sentence = comparison.Verdict.Single(line => line.StartsWith("Predicted against measured"));
        Assert.StartsWith("Predicted against measured (from a sequential probe of 4 items: 100 ms each, 1 ms of it on CPU; 2 cores): threads (1) predicted 4.00 s (1.0×), measured 4.10 s (+3%)", sentence);
    }

    [Fact]
    public void WithoutASequentialRunNothingIsPredicted()
    {
        var comparison = Comparisons.From("sweep", "io", null, [[Report("threads", 5, 800, 10, 5)], [Report("threads", 10, 400, 10, 10)]],
            [new ThreadsStrategy("t")]);

        Assert.All(comparison.Rows, row => Assert.Null(row.PredictedMs));
        Assert.DoesNotContain(comparison.Verdict, line => line.StartsWith("Predicted"));
    }

    private static RunReport Report(string strategy, int workers, double wallMs, double cpuMs, long peak) =>
        TestReports.Completed(strategy, workers, 40, wallMs, cpuMs, peak) with { IdealMs = 400, Efficiency = 400 / wallMs };
}
