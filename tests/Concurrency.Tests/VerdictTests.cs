using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>Verdicts from recorded reports: the right bound, the right winner, the reasons the data shows.</summary>
public sealed class VerdictTests
{
    // The runners' strategies, whose lessons explain their losses (IO's async and CPU's share a name).
    private static readonly IReadOnlyList<IStrategy> CpuStrategies =
        [new SequentialStrategy(), new ThreadsStrategy("test"), new EventLoopStrategy(), new GilStrategy(), new ProcessesStrategy()];

    private static readonly IReadOnlyList<IStrategy> IoStrategies =
        [new SequentialStrategy(), new ThreadsStrategy("test"), new ThreadPoolStrategy(), new AsyncStrategy(), new ProcessesStrategy()];

    [Fact]
    public void WithoutItsStrategyALosersOwnLessonIsNotGuessedFromItsName()
    {
        var runs = new[] { Run("sequential", wallMs: 100, cpuMs: 99, bound: "cpu"), Run("gil", wallMs: 300, cpuMs: 290, bound: "cpu", workers: 2) };

        Assert.DoesNotContain(Verdict.Write(runs), sentence => sentence.Contains("global lock"));
        Assert.Contains(Verdict.Write(runs, strategies: CpuStrategies), sentence => sentence.Contains("global lock"));
    }

    [Fact]
    public void AnIoCompareIsCalledIoBoundAndAsyncWins()
    {
        var verdict = Verdict.Write(
        [
            Run("sequential", workload: "io", wallMs: 16_150, cpuMs: 210, bound: "io"),
            Run("threads", workload: "io", wallMs: 1_630, cpuMs: 70, bound: "io", workers: 10, peak: 10),
            Run("async", workload: "io", wallMs: 124, cpuMs: 25, bound: "io", workers: 160, peak: 160),
        ]);

        Assert.StartsWith("The work is IO-bound", verdict[0]);
        Assert.Contains("0.01 cores busy", verdict[0]);
        Assert.Equal("async (160) won: 124 ms, 130.2× faster than sequential (16.15 s).", verdict[1]);
        Assert.Contains(verdict, sentence => sentence.StartsWith("threads (10) took 1.63 s") && sentence.Contains("overlapped at most 10 waits where async (160) overlapped 160"));
    }

    [Fact]
    public void ACpuCompareIsCalledCpuBoundAndNamesTheLockAndTheEventLoop()
    {
        var verdict = Verdict.Write(
        [
            Run("sequential", wallMs: 340, cpuMs: 338, bound: "cpu"),
            Run("threads", wallMs: 180, cpuMs: 340, bound: "cpu", workers: 2, peak: 2),
            Run("async", wallMs: 330, cpuMs: 330, bound: "cpu", peak: 20),
            Run("gil", wallMs: 350, cpuMs: 345, bound: "cpu", workers: 2, peak: 2),
        ], strategies: CpuStrategies);

        Assert.StartsWith("The work is CPU-bound", verdict[0]);
        Assert.StartsWith("threads (2) won: 180 ms, 1.9× faster than sequential", verdict[1]);
        Assert.Contains(verdict, sentence => sentence.StartsWith("gil (2)") && sentence.Contains("one global lock, so 2 threads computed no faster than one"));
        Assert.Contains(verdict, sentence => sentence.StartsWith("async took") && sentence.Contains("one event-loop thread"));
    }

    [Fact]
    public void AGilRunThatStillBeatSequentialIsNotCalledNoFasterThanOne()
    {
        var verdict = Verdict.Write(
        [
            Run("sequential", wallMs: 420, cpuMs: 350, bound: "cpu"),
            Run("threads", wallMs: 250, cpuMs: 380, bound: "cpu", workers: 2, peak: 2),
            Run("gil", wallMs: 350, cpuMs: 360, bound: "cpu", workers: 2, peak: 2),
        ], strategies: CpuStrategies);

        var gil = Assert.Single(verdict, sentence => sentence.StartsWith("gil (2)"));
        Assert.Contains("one global lock; it ran 1.20× as fast as sequential here, where 2 unlocked threads could reach 2×", gil);
        Assert.DoesNotContain("no faster than one", gil);
    }

    [Fact]
    public void ProcessStartUpAndThreadPoolStarvationAreNamedWhenTheyCost()
    {
        var verdict = Verdict.Write(
        [
            Run("sequential", workload: "io", wallMs: 4_000, cpuMs: 200, bound: "io"),
            Run("threadpool", workload: "io", wallMs: 1_800, cpuMs: 80, bound: "io", workers: 10, peak: 8, poolMin: 2, poolMax: 8),
            Run("processes", workload: "io", wallMs: 1_100, cpuMs: 1_300, bound: "cpu", workers: 10, peak: 10, startupMs: 400),
            Run("async", workload: "io", wallMs: 110, cpuMs: 10, bound: "io", workers: 40, peak: 40),
        ], strategies: IoStrategies);

        Assert.Contains(verdict, sentence => sentence.StartsWith("threadpool (10)") && sentence.Contains("started with 2") && sentence.Contains("at most 8 ran at once"));
        Assert.Contains(verdict, sentence => sentence.StartsWith("processes (10)") && sentence.Contains("400 ms, 36% of its time"));
    }

    [Fact]
    public void NearlyEqualTimesAreCalledATie()
    {
        var verdict = Verdict.Write([Run("sequential", wallMs: 100, cpuMs: 99, bound: "cpu"), Run("gil", wallMs: 102, cpuMs: 99, bound: "cpu", workers: 2)]);

        Assert.Equal("sequential was fastest at 100 ms, tied with gil (2) (within 5%, one round each): no concurrency model beat it here.", verdict[1]);
        Assert.Contains(verdict, sentence => sentence.StartsWith("Each run was measured once"));
    }

    [Fact]
    public void OverRoundsOverlappingRangesAreATieAndSeparateOnesAreNot()
    {
        IReadOnlyList<RunReport> Rounds(string strategy, int workers, params double[] walls) =>
            walls.Select((wall, round) => Run(strategy, wallMs: wall, cpuMs: wall, bound: "cpu", workers: workers) with { Id = $"{strategy}-{round}" }).ToList();

        var comparison = Comparisons.From("compare", "cpu", null,
        [
            Rounds("sequential", 1, 320, 330, 340),
            Rounds("threads", 2, 180, 200, 260),
            Rounds("replicas", 2, 190, 230, 300),
        ]);

        Assert.Equal("threads (2) won: 200 ms, 1.7× faster than sequential (330 ms), tied with replicas (2) (their ranges over the rounds overlap).", comparison.Verdict[1]);
        Assert.Contains(comparison.Verdict, sentence => sentence.StartsWith("Figures are medians over 3 rounds"));
        Assert.Contains(comparison.Verdict, sentence => sentence.StartsWith("sequential took 330 ms"));
        Assert.DoesNotContain(comparison.Verdict, sentence => sentence.StartsWith("replicas (2) took"));
    }

    [Fact]
    public void FailuresAreCountedByReason()
    {
        var verdict = Verdict.Write([Run("async", workload: "io", wallMs: 100, cpuMs: 5, bound: "io", failed: 3)]);

        Assert.Contains("Failures: async (1) 3 of 10 (http_503 3).", verdict);
    }

    [Fact]
    public void WithoutACompletedRunThereIsNoVerdictToDraw()
    {
        var verdict = Verdict.Write([Run("threads", wallMs: 50, cpuMs: 1, bound: "io", status: "cancelled")]);

        Assert.Equal(["No run completed, so there is nothing to compare."], verdict);
    }

    [Fact]
    public void SilosReplicasAndProcessesAreComparedByDispatchStartUpAndSpreadCheapestDispatchFirst()
    {
        RunReport Outside(string strategy, double wallMs, double dispatchMs, double startupMs, string kind, params int[] items) =>
            Run(strategy, wallMs: wallMs, cpuMs: 1_900, bound: "cpu", workers: 2, startupMs: startupMs) with
            {
                DispatchMs = dispatchMs,
                WorkersUsed = [.. items.Select((count, index) => new WorkerUsage(kind, $"{kind}-{index}", 100 + index, count, null))],
            };

        var verdict = Verdict.Write(
        [
            Run("sequential", wallMs: 2_000, cpuMs: 1_990, bound: "cpu"),
            Outside("processes", 1_300, 0.31, 180, "process", 5, 5),
            Outside("replicas", 1_150, 0.92, 12, "replica", 6, 4),
            Outside("orleans", 1_100, 0.45, 1.8, "silo", 5, 5),
        ]);

        Assert.Contains("Workers outside the runner, per item and per run: "
            + "processes (2) 0.31 ms dispatch, start-up 180 ms (worker processes started cold), items 5/5 over 2 worker(s); "
            + "orleans (2) 0.45 ms dispatch, start-up 1.8 ms (its silos were already running), items 5/5 over 2 worker(s); "
            + "replicas (2) 0.92 ms dispatch, start-up 12 ms (connections to the running replicas), items 6/4 over 2 worker(s).", verdict);
    }

    [Fact]
    public void WithNoWorkerOutsideTheRunnerNothingIsSaidAboutDispatch()
    {
        var verdict = Verdict.Write([Run("sequential", wallMs: 100, cpuMs: 99, bound: "cpu"), Run("threads", wallMs: 55, cpuMs: 99, bound: "cpu", workers: 2)]);

        Assert.DoesNotContain(verdict, sentence => sentence.Contains("dispatch"));
    }

    private static RunReport Run(
        string strategy, double wallMs, double cpuMs, string bound, string workload = "cpu", int workers = 1, long peak = 1,
        double? startupMs = null, int poolMin = 2, int poolMax = 2, int failed = 0, string status = "completed") => new()
    {
        Id = strategy,
        Workload = workload,
        Strategy = strategy,
        Workers = workers,
        Status = status,
        Progress = new RunProgress(10, 10),
        Items = 10,
        Succeeded = 10 - failed,
        Failed = failed,
        Errors = failed > 0 ? new Dictionary<string, int> { ["http_503"] = failed } : new Dictionary<string, int>(),
        WallMs = wallMs,
        CpuMs = cpuMs,
        IdealMs = 100,
        Efficiency = 100 / wallMs,
        PeakInFlight = peak,
        LatencyMs = null,
        StartupMs = startupMs,
        ThreadPoolThreads = new IntRange(poolMin, poolMax),
        WorkersUsed = [],
        Bound = bound,
        StartedAt = DateTimeOffset.UnixEpoch,
    };
}
