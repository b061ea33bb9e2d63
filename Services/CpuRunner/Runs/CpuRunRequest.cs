namespace ConcurrencyLab.CpuRunner;

/// <summary>The body of POST /cpu/runs, /cpu/compare and /cpu/sweep; unknown fields are rejected.</summary>
public sealed class CpuRunRequest
{
    public string? Strategy { get; set; }
    public int? Workers { get; set; }
    public long? Start { get; set; }
    public int? Count { get; set; }
    public double? SwitchIntervalMs { get; set; }
    public List<int>? WorkerCounts { get; set; }
    public string? Tracing { get; set; }
    public int? Rounds { get; set; }
}
