namespace ConcurrencyLab.SiteStub;

public enum LatencyDistribution
{
    /// <summary>Always latencyMs.</summary>
    Fixed,

    /// <summary>Evenly spread over latencyMs ± jitterMs.</summary>
    Uniform,

    /// <summary>Mean latencyMs, standard deviation jitterMs, never below zero.</summary>
    Normal,

    /// <summary>Median latencyMs, with a long right tail whose spread grows with jitterMs.</summary>
    LogNormal,
}

/// <summary>How long a response waits before its first byte.</summary>
public sealed record LatencyModel(double LatencyMs, LatencyDistribution Dist, double JitterMs)
{
    /// <summary>One draw, clamped to [0, maxMs]. Deterministic for a given Random state.</summary>
    public double SampleMs(Random random, double maxMs)
    {
        var value = Dist switch
        {
            LatencyDistribution.Fixed => LatencyMs,
            LatencyDistribution.Uniform => LatencyMs + JitterMs * (2 * random.NextDouble() - 1),
            LatencyDistribution.Normal => LatencyMs + JitterMs * StandardNormal(random),
            LatencyDistribution.LogNormal => LatencyMs * Math.Exp(LogNormalSigma * StandardNormal(random)),
            _ => throw new ArgumentOutOfRangeException(nameof(Dist), Dist, "unknown distribution"),
        };
        return Math.Clamp(value, 0, maxMs);
    }

    // jitterMs relative to the median sets the spread of ln(latency).
    private double LogNormalSigma => LatencyMs > 0 ? JitterMs / LatencyMs : 0;

    // Box-Muller: two uniform draws give one standard normal draw.
    private static double StandardNormal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
