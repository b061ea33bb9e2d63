using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>A completed run's report with the figures a test gives; the rest plain. Tests vary it with `with`.</summary>
internal static class TestReports
{
    public static RunReport Completed(string strategy, int workers, int items, double wallMs, double cpuMs, long peak) => new()
    {
        Id = $"{strategy}{workers}",
        Workload = "io",
        Strategy = strategy,
        Workers = workers,
        Status = "completed",
        Progress = new RunProgress(items, items),
        Items = items,
        Succeeded = items,
        Failed = 0,
        Errors = new Dictionary<string, int>(),
        WallMs = wallMs,
        CpuMs = cpuMs,
        IdealMs = wallMs,
        Efficiency = 1,
        PeakInFlight = peak,
        LatencyMs = null,
        ThreadPoolThreads = new IntRange(2, 2),
        WorkersUsed = [],
        Bound = "io",
        StartedAt = DateTimeOffset.UnixEpoch,
    };
}
