using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.SiteStub;

/// <summary>The stub's sites, latency profiles and limits (configuration section "SiteStub").</summary>
public sealed class SiteStubOptions : IValidatableObject
{
    public const string Section = "SiteStub";
    public const int DefaultBacklog = 4096;

    /// <summary>Connections the listening socket queues before Kestrel accepts them.</summary>
    [Range(1, 65_535)]
    public int Backlog { get; set; } = DefaultBacklog;

    /// <summary>Requests served at once; beyond it they wait in a FIFO queue. 0 = unlimited.</summary>
    [Range(0, 1_000_000)]
    public int MaxConcurrent { get; set; }

    /// <summary>The largest body a request may ask for with sizeBytes.</summary>
    [Range(1, 1L << 30)]
    public long MaxSizeBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>The largest latencyMs or jitterMs a request may ask for.</summary>
    [Range(1, 3_600_000)]
    public int MaxLatencyMs { get; set; } = 120_000;

    /// <summary>A hung request is dropped after this long even if the client is still waiting.</summary>
    [Range(1, 3_600_000)]
    public int MaxHangMs { get; set; } = 300_000;

    /// <summary>The sites served at /sites/{name}. Configuration adds to or changes these.</summary>
    public Dictionary<string, SiteDefinition> Sites { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jython"] = new() { Title = "Jython: Python for the Java Platform", SizeBytes = 10 * 1024 },
        ["dice"] = new() { Title = "Dice", SizeBytes = 512 },
    };

    /// <summary>Named latency settings a request selects with profile=NAME.</summary>
    public Dictionary<string, LatencyProfile> Profiles { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        // The study downloaded over the internet at about 0.29 s a download (46 s for 160).
        ["seed"] = new() { LatencyMs = 290, Dist = LatencyDistribution.Normal, JitterMs = 40 },
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, site) in Sites)
        {
            if (!SiteNames.IsValid(name) || SiteNames.IsReserved(name))
                yield return new ValidationResult($"Site name '{name}' is not allowed: letters, digits and '-', and not 'stats'.", [nameof(Sites)]);
            if (site.SizeBytes < 0 || site.SizeBytes > MaxSizeBytes)
                yield return new ValidationResult($"Site '{name}': SizeBytes must be between 0 and MaxSizeBytes.", [nameof(Sites)]);
            if (site.LatencyMs < 0 || site.JitterMs < 0 || site.LatencyMs > MaxLatencyMs || site.JitterMs > MaxLatencyMs)
                yield return new ValidationResult($"Site '{name}': LatencyMs and JitterMs must be between 0 and MaxLatencyMs.", [nameof(Sites)]);
        }
    }
}

public sealed class SiteDefinition
{
    public string Title { get; set; } = "";
    public long SizeBytes { get; set; } = 1024;
    public double LatencyMs { get; set; } = 100;
    public LatencyDistribution Dist { get; set; } = LatencyDistribution.Fixed;
    public double JitterMs { get; set; }
}

public sealed class LatencyProfile
{
    public double LatencyMs { get; set; } = 100;
    public LatencyDistribution Dist { get; set; } = LatencyDistribution.Fixed;
    public double JitterMs { get; set; }
}

public static class SiteNames
{
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>"stats" is a route of its own.</summary>
    public static bool IsReserved(string name) => name.Equals("stats", StringComparison.OrdinalIgnoreCase);
}
