namespace ConcurrencyLab.Contracts;

/// <summary>
/// The lab's telemetry names, in one place so that every service registers the same
/// sources: an unregistered ActivitySource makes StartActivity return null.
/// </summary>
public static class LabTelemetry
{
    public const string IoSource = "ConcurrencyLab.Io";
    public const string CpuSource = "ConcurrencyLab.Cpu";
    public const string MeterName = "ConcurrencyLab";

    public static readonly string[] Sources = [IoSource, CpuSource];

    /// <summary>The tag a run's root span carries, and only it: its end is the run's end.</summary>
    public const string RunIdTag = "lab.run.id";
}
