namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>A compare (every strategy, same settings) or a sweep (one strategy, several worker counts).</summary>
/// <param name="Scaling">A sweep's throughput fitted to the Universal Scalability Law; null for a compare, or a sweep of fewer than three worker counts.</param>
/// <param name="Id">Its id in the run store (GET /{w}/compares/{id}, tags, baselines).</param>
/// <param name="Stored">Whether the run store holds it; null without a store.</param>
/// <param name="Change">Set by ?baseline=: each strategy against the stored compare or sweep.</param>
public sealed record ComparisonReport(
    string Kind,
    string Workload,
    string Status,
    object? Request,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> Verdict,
    ScalingFit? Scaling = null,
    string? Id = null,
    DateTimeOffset? StartedAt = null,
    bool? Stored = null,
    BaselineChange? Change = null)
{
    /// <summary>The tags the stored compare or sweep carries.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
}

/// <param name="WallMs">The median over its rounds (the only measurement with one round).</param>
/// <param name="Speedup">Median over rounds of sequential's time in the same round over this one's.</param>
/// <param name="RunId">The run nearest the median; its figures fill the other columns.</param>
/// <param name="Rounds">How many times this entry was measured.</param>
/// <param name="PredictedMs">The wall time the strategy's model predicted from the sequential run's items (a sweep's: a sequential probe's); null without one.</param>
/// <param name="PredictedSpeedup">The speedup that prediction gives over the same items one after another.</param>
/// <param name="RoundWallMs">Each round's wall time, in round order: what a verdict on change resamples.</param>
/// <param name="Limiter">What capped the representative run's overlap (LimiterNames).</param>
/// <param name="OffCpuShare">Of the representative run's item time, the share off-CPU (TimeSplit); null where not attributable.</param>
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
    string? TraceId,
    int Rounds = 1,
    double WallMsMin = 0,
    double WallMsMax = 0,
    double? SpeedupMin = null,
    double? SpeedupMax = null,
    double? OffCpuShare = null,
    string? Limiter = null,
    double? PredictedMs = null,
    double? PredictedSpeedup = null,
    IReadOnlyList<double>? RoundWallMs = null);
