using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class ReportTests
{
    [Fact]
    public void LatencyPercentilesAreNearestRank()
    {
        var summary = LatencySummary.Of(Enumerable.Range(1, 100).Select(value => (double)value));

        Assert.Equal(new LatencySummary(1, 50, 90, 99, 100, 50.5), summary);
    }

    [Fact]
    public void NoFinishedItemsGiveNoLatency() => Assert.Null(LatencySummary.Of([]));

    [Theory]
    [InlineData(10, 1000, "io")]
    [InlineData(400, 1000, "mixed")]
    [InlineData(980, 1000, "cpu")]
    [InlineData(1900, 1000, "cpu")]
    public void TheBoundFollowsTheShareOfWallTimeSpentComputing(double cpuMs, double wallMs, string bound) =>
        Assert.Equal(bound, Bound.Classify(cpuMs, wallMs));

    [Fact]
    public void ATextTableAlignsTextLeftAndNumbersRight()
    {
        var text = new TextTable("strategy", "wall ms").Add("sequential", "4,048.5").Add("async", "109.7").ToString();

        Assert.Equal(
            "strategy    wall ms\n----------  -------\nsequential  4,048.5\nasync         109.7\n",
            text.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AComparisonMeasuresSpeedupAgainstTheSequentialRun()
    {
        var runs = new[] { Report("sequential", 4000), Report("threads", 400), Report("async", 100) };

        var comparison = Comparisons.From("compare", "io", null, runs);

        Assert.Equal([1.0, 10.0, 40.0], comparison.Rows.Select(row => row.Speedup!.Value));
        Assert.Equal("completed", comparison.Status);
    }

    [Fact]
    public void RoundsGiveTheMedianWithItsRangeAndSpeedupsPairedByRound()
    {
        IReadOnlyList<RunReport> Rounds(string strategy, params double[] walls) =>
            walls.Select((wall, round) => Report(strategy, wall) with { Id = $"{strategy}-{round}" }).ToList();

        var comparison = Comparisons.From("compare", "io", null, [Rounds("sequential", 4000, 4400, 3600), Rounds("threads", 400, 200, 450)]);

        // These wall times are the reports written above, not anything timed: the test checks
        // the median and range the comparison derives from them.
        var threads = comparison.Rows[1];
        Assert.Equal((3, 400.0, 200.0, 450.0), (threads.Rounds, threads.WallMs, threads.WallMsMin, threads.WallMsMax));
        // Per round: 4000/400, 4400/200, 3600/450.
        Assert.Equal((10.0, 8.0, 22.0), (threads.Speedup!.Value, threads.SpeedupMin!.Value, threads.SpeedupMax!.Value));
        Assert.Equal("threads-0", threads.RunId);
        Assert.Contains("3 round(s) each", ReportText.Comparison(comparison));
    }

    [Fact]
    public void WithoutASequentialRunThereIsNoSpeedup()
    {
        var comparison = Comparisons.From("sweep", "io", null, [Report("threads", 400), Report("threads", 200)]);

        Assert.All(comparison.Rows, row => Assert.Null(row.Speedup));
    }

    [Fact]
    public void TheServiceInstanceIdIsReadFromTheResourceAttributes()
    {
        Assert.Equal("abc123", ServiceInstance.FindInstanceId("service.name=x, service.instance.id=abc123,k=v"));
        Assert.Null(ServiceInstance.FindInstanceId("service.name=x"));
        Assert.Null(ServiceInstance.FindInstanceId(null));
    }

    private static RunReport Report(string strategy, double wallMs) => new()
    {
        Id = strategy,
        Workload = "io",
        Strategy = strategy,
        Workers = 1,
        Status = "completed",
        Progress = new RunProgress(1, 1),
        Items = 1,
        Succeeded = 1,
        Failed = 0,
        Errors = new Dictionary<string, int>(),
        WallMs = wallMs,
        CpuMs = 1,
        IdealMs = 100,
        Efficiency = 100 / wallMs,
        PeakInFlight = 1,
        LatencyMs = null,
        ThreadPoolThreads = new IntRange(2, 2),
        WorkersUsed = [],
        Bound = "io",
        StartedAt = DateTimeOffset.UnixEpoch,
    };
}
