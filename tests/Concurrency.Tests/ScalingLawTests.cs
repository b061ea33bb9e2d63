using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class ScalingLawTests
{
    private static readonly int[] Workers = [1, 2, 4, 8, 16, 32, 64];

    [Theory]
    [InlineData(10.0, 0.05, 0.001)]
    [InlineData(3.5, 0.2, 0.0)]
    [InlineData(100.0, 0.0, 0.02)]
    [InlineData(7.0, 0.0, 0.0)]
    public void TheFitRecoversKnownContentionAndCoherency(double lambda, double sigma, double kappa)
    {
        var law = new ScalingLaw.Coefficients(lambda, sigma, kappa);

        var fit = ScalingLaw.Fit([.. Workers.Select(n => ((double)n, law.Throughput(n)))])!;

        Assert.Equal(lambda, fit.Lambda, lambda * 0.05);
        Assert.Equal(sigma, fit.Sigma, Math.Max(sigma * 0.05, 1e-9));
        Assert.Equal(kappa, fit.Kappa, Math.Max(kappa * 0.05, 1e-9));
    }

    [Fact]
    public void WithoutAOneWorkerPointTheFitFindsLambdaToo()
    {
        var law = new ScalingLaw.Coefficients(12, 0.1, 0.004);

        var fit = ScalingLaw.Fit([.. new[] { 5, 10, 15, 20, 30 }.Select(n => ((double)n, law.Throughput(n)))])!;

        Assert.Equal(12, fit.Lambda, 12 * 0.05);
        Assert.Equal(0.1, fit.Sigma, 0.1 * 0.05);
        Assert.Equal(0.004, fit.Kappa, 0.004 * 0.05);
    }

    [Fact]
    public void ThroughputThatRisesFasterThanLinearIsHeldToNoNegativeTerms()
    {
        // A free fit would give σ < 0; the law has no such term, so σ and κ are held at 0 and
        // λ is the straight line through the points: per worker, between 10 and 11.25 items/s.
        var fit = ScalingLaw.Fit([(1, 10), (2, 21), (4, 44), (8, 90)])!;

        Assert.Equal((0.0, 0.0), (fit.Sigma, fit.Kappa));
        Assert.InRange(fit.Lambda, 10, 11.25);
        Assert.Null(fit.PeakWorkers);
    }

    [Fact]
    public void FewerThanThreeWorkerCountsAreNotFitted()
    {
        Assert.Null(ScalingLaw.Fit([(1, 10), (2, 19)]));
        Assert.Null(ScalingLaw.Fit([(1, 10), (2, 19), (2, 18)]));
        Assert.Null(ScalingLaw.Fit([(1, 10), (2, 19), (4, 0)]));
    }

    [Fact]
    public void ThePeakAndTheKneeFollowFromTheCoefficients()
    {
        var law = new ScalingLaw.Coefficients(10, 0.05, 0.001);

        // √((1 − 0.05) / 0.001) = 30.8
        Assert.Equal(30.82, law.PeakWorkers!.Value, 0.01);
        var knee = ScalingLaw.KneeWorkers(law)!.Value;
        Assert.True(law.Throughput(knee) >= 0.9 * law.PeakThroughput!.Value);
        Assert.True(law.Throughput(knee - 1) < 0.9 * law.PeakThroughput!.Value);
        Assert.Null(ScalingLaw.KneeWorkers(new ScalingLaw.Coefficients(10, 0, 0)));
        // κ = 0: the curve approaches λ/σ = 50 and reaches 90 % of it at 9(1 − σ)/σ = 36 workers.
        Assert.Equal(36, ScalingLaw.KneeWorkers(new ScalingLaw.Coefficients(10, 0.2, 0)));
    }

    [Fact]
    public void ACpuSweepOnTwoCoresNamesTwoWorkersBestAndCitesTheFitInItsVerdict()
    {
        // 20 items of 200 ms on 2 cores: 4.0 s alone, then about 2.0 s at any count from 2.
        var sweep = Comparisons.From("sweep", "cpu", null,
            [Sweep(1, 4000, 3950, 4100), Sweep(2, 2010, 1990, 2050), Sweep(4, 2060, 2040, 2120), Sweep(8, 2150, 2100, 2200)]);

        var scaling = sweep.Scaling!;
        Assert.Equal(2, scaling.BestWorkers);
        Assert.Equal([4], scaling.TiedWithBest);
        Assert.Equal(5, scaling.Points[0].MeasuredPerSecond);
        Assert.Equal(9.95, scaling.Points[1].MeasuredPerSecond!.Value, 0.01);
        Assert.Null(scaling.LittleItemMs);
        Assert.Equal(16, scaling.Curve[^1].Workers);
        Assert.Contains(sweep.Verdict, sentence => sentence.StartsWith("Scaling (Universal Scalability Law fitted to 4 worker counts)")
            && sentence.Contains("Measured best: 2 workers") && sentence.Contains("tied with 4"));
        Assert.Contains("USL fit items/s", ReportText.Comparison(sweep));
    }

    [Fact]
    public void AnIoSweepDrawsLittlesLawFromItsFewestWorkersItemTime()
    {
        var sweep = Comparisons.From("sweep", "io", null,
            [Sweep(5, 2000, itemMs: 100, workload: "io", items: 100), Sweep(10, 1000, itemMs: 100, workload: "io", items: 100), Sweep(20, 560, itemMs: 110, workload: "io", items: 100)]);

        var scaling = sweep.Scaling!;
        Assert.Equal(100, scaling.LittleItemMs);
        // N / 0.1 s: 50, 100 and 200 items/s.
        Assert.Equal([50.0, 100.0, 200.0], scaling.Points.Select(point => point.LittlePerSecond!.Value));
        Assert.Equal([50.0, 100.0, 178.571], scaling.Points.Select(point => point.MeasuredPerSecond!.Value));
    }

    [Fact]
    public void ACompareHasNoScaling() =>
        Assert.Null(Comparisons.From("compare", "cpu", null, [Sweep(1, 4000), Sweep(2, 2000), Sweep(4, 2000)]).Scaling);

    private static IReadOnlyList<RunReport> Sweep(int workers, double wallMs, double? min = null, double? max = null,
        double itemMs = 200, string workload = "cpu", int items = 20)
    {
        RunReport Run(string id, double wall) => TestReports.Completed("threads", workers, items, wall, cpuMs: 1, peak: workers) with
        {
            Id = id,
            Workload = workload,
            IdealMs = 100,
            Efficiency = 100 / wall,
            LatencyMs = new LatencySummary(itemMs, itemMs, itemMs, itemMs, itemMs, itemMs),
            Bound = "cpu",
        };

        // With a range, three rounds: the minimum, the median and the maximum.
        return min is { } low && max is { } high
            ? [Run($"{workers}-a", low), Run($"{workers}-b", wallMs), Run($"{workers}-c", high)]
            : [Run($"{workers}", wallMs)];
    }
}
