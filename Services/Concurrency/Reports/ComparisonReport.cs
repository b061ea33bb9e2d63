namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>A compare (every strategy, same settings) or a sweep (one strategy, several worker counts).</summary>
public sealed record ComparisonReport(
    string Kind,
    string Workload,
    string Status,
    object? Request,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> Verdict)
{
    public static ComparisonReport From(string kind, string workload, object? request, IReadOnlyList<RunReport> runs)
    {
        // Speedup is measured against the sequential run, where the series has one.
        var sequential = runs.FirstOrDefault(run => run.Strategy == "sequential" && run.Status == "completed");
        var rows = runs.Select(run => new ComparisonRow(
            run.Strategy, run.Workers, run.MaxConcurrency, run.Status, run.WallMs, run.IdealMs, run.Efficiency,
            sequential is not null && run.WallMs > 0 ? Math.Round(sequential.WallMs / run.WallMs, 3) : null,
            run.PeakInFlight, run.CpuMs, run.Bound, run.Succeeded, run.Failed, run.StartupMs, run.ThreadPoolThreads.Max,
            run.Id, run.TraceId)).ToList();
        var status = runs.All(run => run.Status == "completed") ? "completed"
            : runs.Any(run => run.Status == "cancelled") ? "cancelled" : "failed";
        return new ComparisonReport(kind, workload, status, request, rows, Reports.Verdict.Write(runs));
    }
}

public sealed record ComparisonRow(
    string Strategy,
    int Workers,
    int? MaxConcurrency,
    string Status,
    double WallMs,
    double IdealMs,
    double Efficiency,
    double? Speedup,
    long PeakInFlight,
    double CpuMs,
    string Bound,
    int Succeeded,
    int Failed,
    double? StartupMs,
    int ThreadPoolThreadsMax,
    string RunId,
    string? TraceId);
