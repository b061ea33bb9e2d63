namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// Classifies a run from cpuMs / wallMs: about 0 means the run mostly waited (IO-bound);
/// one busy core or more means it computed (CPU-bound).
/// </summary>
public static class Bound
{
    public const double IoBelow = 0.25;
    public const double CpuFrom = 0.75;

    public static string Classify(double cpuMs, double wallMs)
    {
        if (wallMs <= 0)
            return "mixed";
        var busyCores = cpuMs / wallMs;
        return busyCores < IoBelow ? "io" : busyCores >= CpuFrom ? "cpu" : "mixed";
    }
}
