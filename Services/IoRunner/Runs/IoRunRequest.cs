namespace ConcurrencyLab.IoRunner;

/// <summary>
/// The body of POST /io/runs, /io/compare and /io/sweep. Every field but strategy has a
/// default; unknown fields are rejected. SiteStub's parameters pass through to downloads.
/// </summary>
public sealed class IoRunRequest
{
    public string? Strategy { get; set; }
    public int? Workers { get; set; }
    public int? MaxConcurrency { get; set; }
    public bool? ClientPerWorker { get; set; }
    public int? MaxConnections { get; set; }
    public List<string>? Sites { get; set; }
    public int? Repeat { get; set; }
    public int? TimeoutMs { get; set; }
    public List<int>? WorkerCounts { get; set; }
    public string? Tracing { get; set; }
    public int? Rounds { get; set; }

    // Passed through to SiteStub with every download.
    public string? Profile { get; set; }
    public double? LatencyMs { get; set; }
    public string? Dist { get; set; }
    public double? JitterMs { get; set; }
    public int? Seed { get; set; }
    public long? SizeBytes { get; set; }
    public double? BandwidthKBps { get; set; }
    public double? FailRate { get; set; }
    public string? FailMode { get; set; }
    public int? FailStatus { get; set; }
}
