using ConcurrencyLab.Gateway.Lab.Client;

namespace ConcurrencyLab.Gateway.Tests;

/// <summary>Recorded-shape reports for the chart builders.</summary>
internal static class Reports
{
    public static RunView Run(string strategy, int workers, params TimelineBar[] bars) => new(
        Id: "r1", Workload: "io", Strategy: strategy, Workers: workers, Status: "completed",
        Progress: new ProgressView(bars.Length, bars.Length), Items: bars.Length,
        Succeeded: bars.Count(bar => bar.Ok), Failed: bars.Count(bar => !bar.Ok), Errors: null, Retries: 0,
        WallMs: 1000, CpuMs: 10, IdealMs: 900, Efficiency: 0.9, PeakInFlight: workers, StartupMs: null,
        Bound: "io", TraceId: "0af7651916cd43dd8448eb211c80319c", Timeline: bars, TimelineTruncated: false,
        WorkersUsed: null, Error: null);

    public static ComparisonRowView Row(string strategy, int workers, double wallMs, double? speedup, int failed = 0) => new(
        Strategy: strategy, Workers: workers, MaxConcurrency: null, Status: "completed", WallMs: wallMs,
        IdealMs: wallMs * 0.9, Efficiency: 0.9, Speedup: speedup, PeakInFlight: workers, CpuMs: 5, Bound: "io",
        Succeeded: 10 - failed, Failed: failed, StartupMs: null, RunId: $"{strategy}-{workers}", TraceId: null);

    public static ComparisonView Comparison(string kind, string workload, params ComparisonRowView[] rows) =>
        new(kind, workload, "completed", rows, ["a verdict"]);
}
