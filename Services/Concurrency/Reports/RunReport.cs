using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>What a run did, measured (design.md's run report). Built while it runs and after.</summary>
public sealed record RunReport
{
    public required string Id { get; init; }
    public required string Workload { get; init; }
    public required string Strategy { get; init; }
    public required int Workers { get; init; }
    public int? MaxConcurrency { get; init; }
    public required string Status { get; init; }
    public required RunProgress Progress { get; init; }
    public required int Items { get; init; }
    public required int Succeeded { get; init; }
    public required int Failed { get; init; }
    public required IReadOnlyDictionary<string, int> Errors { get; init; }
    /// <summary>Attempts retried elsewhere after a failure (a lost replica); no item counts twice.</summary>
    public int Retries { get; init; }
    public required double WallMs { get; init; }
    public required double CpuMs { get; init; }
    public required double IdealMs { get; init; }
    public required double Efficiency { get; init; }
    public double? Speedup { get; init; }
    public required long PeakInFlight { get; init; }
    public required LatencySummary? LatencyMs { get; init; }
    public double? StartupMs { get; init; }
    public required IntRange ThreadPoolThreads { get; init; }
    public IReadOnlyList<ThreadPoolSample>? ThreadPool { get; init; }
    public required IReadOnlyList<WorkerUsage> WorkersUsed { get; init; }
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }
    public bool TimelineTruncated { get; init; }
    public long? Bytes { get; init; }
    public object? Results { get; init; }
    /// <summary>"io", "cpu" or "mixed", from cpuMs / wallMs.</summary>
    public required string Bound { get; init; }
    public string? TraceId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>Why a failed run failed.</summary>
    public string? Error { get; init; }
    /// <summary>The request as the runner understood it, defaults filled in.</summary>
    public object? Request { get; init; }
}

public sealed record RunProgress(int Done, int Total);

public sealed record IntRange(int Min, int Max);

public sealed record WorkerUsage(string Kind, string Id, int Pid, int Items, double? StartupMs);

public sealed record LatencySummary(double Min, double P50, double P90, double P99, double Max, double Mean)
{
    /// <summary>Nearest-rank percentiles of the item durations, or null when none finished.</summary>
    public static LatencySummary? Of(IEnumerable<double> durations)
    {
        var sorted = durations.Order().ToArray();
        if (sorted.Length == 0)
            return null;
        return new LatencySummary(
            Round(sorted[0]), Round(Rank(sorted, 50)), Round(Rank(sorted, 90)), Round(Rank(sorted, 99)),
            Round(sorted[^1]), Round(sorted.Average()));
    }

    private static double Rank(double[] sorted, double percentile) =>
        sorted[Math.Clamp((int)Math.Ceiling(percentile / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double value) => Math.Round(value, 3);
}
