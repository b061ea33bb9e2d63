using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>The engine's limits; each runner binds them from its own configuration section.</summary>
public sealed class EngineOptions
{
    /// <summary>Runs (or compares, or sweeps) at once; more get 429 with Retry-After.</summary>
    [Range(1, 64)]
    public int MaxConcurrentRuns { get; set; } = 4;

    /// <summary>Finished runs kept for GET; the oldest are forgotten first.</summary>
    [Range(1, 10_000)]
    public int History { get; set; } = 50;

    /// <summary>Timeline entries a report carries at most.</summary>
    [Range(0, 1_000_000)]
    public int TimelineCap { get; set; } = 10_000;

    /// <summary>Seconds a 429 asks the client to wait.</summary>
    [Range(1, 3_600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
