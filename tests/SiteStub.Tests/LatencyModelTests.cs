namespace ConcurrencyLab.SiteStub.Tests;

public sealed class LatencyModelTests
{
    private const double Max = 120_000;

    [Fact]
    public void FixedAlwaysGivesTheLatency()
    {
        var model = new LatencyModel(100, LatencyDistribution.Fixed, 50);

        var draws = Draw(model, seed: 1, count: 100);

        Assert.All(draws, draw => Assert.Equal(100, draw));
    }

    [Fact]
    public void UniformSpreadsEvenlyOverLatencyPlusOrMinusJitter()
    {
        var draws = Draw(new LatencyModel(100, LatencyDistribution.Uniform, 20), seed: 2, count: 10_000);

        Assert.All(draws, draw => Assert.InRange(draw, 80, 120));
        Assert.True(draws.Min() < 81 && draws.Max() > 119, "the draws should cover the whole range");
        Assert.InRange(draws.Average(), 99, 101);
        // Even spread: each quarter of the range holds about a quarter of the draws.
        Assert.All(Enumerable.Range(0, 4), quarter =>
            Assert.InRange(draws.Count(d => d >= 80 + quarter * 10 && d < 90 + quarter * 10), 2_300, 2_700));
    }

    [Fact]
    public void NormalHasTheLatencyAsMeanAndTheJitterAsStandardDeviation()
    {
        var draws = Draw(new LatencyModel(100, LatencyDistribution.Normal, 20), seed: 3, count: 20_000);

        var mean = draws.Average();
        var deviation = Math.Sqrt(draws.Average(d => (d - mean) * (d - mean)));
        Assert.InRange(mean, 99.5, 100.5);
        Assert.InRange(deviation, 19.5, 20.5);
    }

    [Fact]
    public void LogNormalHasTheLatencyAsMedianAndALongRightTail()
    {
        var draws = Draw(new LatencyModel(100, LatencyDistribution.LogNormal, 50), seed: 4, count: 20_000).Order().ToArray();

        var median = draws[draws.Length / 2];
        Assert.InRange(median, 98, 102);
        Assert.True(draws.Average() > median, "a log-normal's mean lies above its median");
        var p99 = draws[(int)(draws.Length * 0.99)];
        var p1 = draws[(int)(draws.Length * 0.01)];
        Assert.True(p99 - median > 2 * (median - p1), "the right tail should be far longer than the left");
    }

    [Fact]
    public void DrawsAreClampedBetweenZeroAndTheMaximum()
    {
        var wide = Draw(new LatencyModel(10, LatencyDistribution.Normal, 100), seed: 5, count: 1_000);
        var capped = new LatencyModel(500, LatencyDistribution.Uniform, 400).SampleMs(new Random(6), maxMs: 150);

        Assert.All(wide, draw => Assert.True(draw >= 0));
        Assert.Contains(0.0, wide);
        Assert.InRange(capped, 100, 150);
    }

    [Fact]
    public void TheSameSeedDrawsTheSameSequence()
    {
        var model = new LatencyModel(100, LatencyDistribution.LogNormal, 30);

        Assert.Equal(Draw(model, seed: 7, count: 50), Draw(model, seed: 7, count: 50));
        Assert.NotEqual(Draw(model, seed: 7, count: 50), Draw(model, seed: 8, count: 50));
    }

    private static double[] Draw(LatencyModel model, int seed, int count)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => model.SampleMs(random, Max)).ToArray();
    }
}
