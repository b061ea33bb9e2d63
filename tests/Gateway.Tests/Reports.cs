using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Gateway.Tests;

/// <summary>Reports shaped as the runners write them, for the chart builders.</summary>
internal static class Reports
{
    public static RunReport Run(string strategy, int workers, params TimelineEntry[] bars) => new()
    {
        Id = "r1", Workload = "io", Strategy = strategy, Workers = workers, Status = "completed",
        Progress = new RunProgress(bars.Length, bars.Length), Items = bars.Length,
        Succeeded = bars.Count(bar => bar.Ok), Failed = bars.Count(bar => !bar.Ok), Errors = new Dictionary<string, int>(),
        WallMs = 1000, CpuMs = 10, IdealMs = 900, Efficiency = 0.9, PeakInFlight = workers, LatencyMs = null,
        ThreadPoolThreads = new IntRange(2, 2), WorkersUsed = [], Bound = "io",
        TraceId = "0af7651916cd43dd8448eb211c80319c", Timeline = bars, StartedAt = DateTimeOffset.UnixEpoch,
    };

    public static ComparisonRow Row(string strategy, int workers, double wallMs, double? speedup, int failed = 0) => new(
        Strategy: strategy, Workers: workers, MaxConcurrency: null, Status: "completed", WallMs: wallMs,
        IdealMs: wallMs * 0.9, Efficiency: 0.9, Speedup: speedup, PeakInFlight: workers, CpuMs: 5, Bound: "io",
        Succeeded: 10 - failed, Failed: failed, StartupMs: null, ThreadPoolThreadsMax: 2, RunId: $"{strategy}-{workers}", TraceId: null);

    public static ComparisonReport Comparison(string kind, string workload, params ComparisonRow[] rows) =>
        new(kind, workload, "completed", null, rows, ["a verdict"]);
}
