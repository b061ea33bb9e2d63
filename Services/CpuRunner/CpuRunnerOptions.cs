using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.CpuRunner;

public sealed class CpuRunnerOptions
{
    public const string Section = "CpuRunner";

    /// <summary>The largest n accepted (the kernel takes about a second per 10^9 here).</summary>
    [Range(1, 100_000_000_000)]
    public long MaxN { get; set; } = 10_000_000_000;
}
