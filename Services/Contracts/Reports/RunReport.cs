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
    /// <summary>The cap on the connections of the HttpClient the run's workers share; null where they share none or it has no cap.</summary>
    public int? MaxConnections { get; init; }
    /// <summary>How many requests the server serves at once (SiteStub's MaxConcurrent) when the run began; null: no cap.</summary>
    public int? ServerMaxConcurrent { get; init; }
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
    /// <summary>CPU time of the run's own threads, worker processes or replica items only; null where it runs on shared threads.</summary>
    public double? OwnCpuMs { get; init; }
    public required double IdealMs { get; init; }
    public required double Efficiency { get; init; }
    public double? Speedup { get; init; }
    public required long PeakInFlight { get; init; }
    public required LatencySummary? LatencyMs { get; init; }
    /// <summary>What the run spent before its first item could go out: worker processes started, or connections to the replicas opened.</summary>
    public double? StartupMs { get; init; }
    public required IntRange ThreadPoolThreads { get; init; }
    public IReadOnlyList<ThreadPoolSample>? ThreadPool { get; init; }
    public required IReadOnlyList<WorkerUsage> WorkersUsed { get; init; }
    /// <summary>Mean time per item to send it to a worker process or replica and read its answer (the runner's time less the worker's).</summary>
    public double? DispatchMs { get; init; }
    /// <summary>Items the server held in its queue (SiteStub's MaxConcurrent), and their total queue time (Server-Timing); null when none was.</summary>
    public ServerQueue? ServerQueue { get; init; }
    /// <summary>What bounded the overlap, citing the figures that show it.</summary>
    public Limiter? Limiter { get; init; }
    /// <summary>Where the item time went: on-CPU, waiting and queued, summed over every finished item.</summary>
    public TimeSplit? TimeSplit { get; init; }
    public IReadOnlyList<TimelineEntry>? Timeline { get; init; }
    public bool TimelineTruncated { get; init; }
    public long? Bytes { get; init; }
    public object? Results { get; init; }
    /// <summary>"io", "cpu" or "mixed", from cpuMs / wallMs.</summary>
    public required string Bound { get; init; }
    /// <summary>The first run of its strategy in this process: JIT compilation and first connections are in its figures.</summary>
    public bool MeasuredCold { get; init; }
    /// <summary>Whether the run store holds this finished run (it outlives a restart); null without a store, or while it runs.</summary>
    public bool? Stored { get; init; }
    /// <summary>The tags a stored run carries (PUT /{w}/runs/{id}/tags/{tag}).</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>Set by ?baseline=: this run against the stored one it was compared with.</summary>
    public BaselineChange? Change { get; init; }
    /// <summary>Other runs in the same process while this one ran: cpuMs and bound then include theirs.</summary>
    public int OverlappingRuns { get; init; }
    public string? TraceId { get; init; }
    /// <summary>What the run traced under its policy, and what the exporter lost.</summary>
    public TraceSummary? Tracing { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
    /// <summary>Why a failed run failed.</summary>
    public string? Error { get; init; }
    /// <summary>The request as the runner understood it, defaults filled in.</summary>
    public object? Request { get; init; }
}

public sealed record RunProgress(int Done, int Total);

public sealed record ServerQueue(int Items, double TotalMs);

/// <param name="Policy">sampled, full, items or off.</param>
/// <param name="ItemsTraced">Items with a span of their own.</param>
/// <param name="ItemsDetailed">Of those, items with their client and server spans too.</param>
/// <param name="SpansDropped">Spans the runner's export queue dropped while the run went on (null: nothing exports).</param>
public sealed record TraceSummary(string Policy, int ItemsTraced, int ItemsDetailed, int Items, long? SpansDropped)
{
    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);

    /// <summary>"traced 500 of 10,000 items in detail and 600 more as item spans (tracing sampled); 0 spans dropped".</summary>
    public string Describe()
    {
        var spansOnly = ItemsTraced - ItemsDetailed;
        var what = (ItemsDetailed, spansOnly) switch
        {
            (0, 0) => Invariant($"traced the run's root span only, none of its {Items:N0} items"),
            (_, 0) => Invariant($"traced {ItemsDetailed:N0} of {Items:N0} items in detail"),
            (0, _) => Invariant($"traced {spansOnly:N0} of {Items:N0} items as item spans"),
            _ => Invariant($"traced {ItemsDetailed:N0} of {Items:N0} items in detail and {spansOnly:N0} more as item spans"),
        };
        var lost = SpansDropped is { } count ? Invariant($"; {count:N0} spans dropped") : "";
        return $"{what} (tracing {Policy}){lost}";
    }
}

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
