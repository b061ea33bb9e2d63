namespace ConcurrencyLab.Gateway.Lab.Client;

// The parts of the runners' reports the page draws (design.md's run report). Unknown
// fields are ignored, so the runners can grow their reports without breaking the page.

public sealed record RunView(
    string Id,
    string Workload,
    string Strategy,
    int Workers,
    string Status,
    ProgressView Progress,
    int Items,
    int Succeeded,
    int Failed,
    IReadOnlyDictionary<string, int>? Errors,
    int Retries,
    double WallMs,
    double CpuMs,
    double IdealMs,
    double Efficiency,
    long PeakInFlight,
    double? StartupMs,
    string Bound,
    string? TraceId,
    IReadOnlyList<TimelineBar>? Timeline,
    bool TimelineTruncated,
    IReadOnlyList<WorkerView>? WorkersUsed,
    string? Error)
{
    public bool IsRunning => Status == "running";
}

public sealed record ProgressView(int Done, int Total);

public sealed record TimelineBar(int Index, string Lane, double StartMs, double DurationMs, bool Ok);

public sealed record WorkerView(string Kind, string Id, int Pid, int Items, double? StartupMs);

public sealed record ComparisonView(
    string Kind,
    string Workload,
    string Status,
    IReadOnlyList<ComparisonRowView> Rows,
    IReadOnlyList<string> Verdict);

public sealed record ComparisonRowView(
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
    string RunId,
    string? TraceId);

public sealed record StrategyView(string Name, string Description);
