namespace ConcurrencyLab.Contracts;

/// <summary>
/// What this process's trace exporter did with the spans it was given: a run reports the
/// spans it promised and lost. ServiceDefaults implements it over the OpenTelemetry SDK,
/// so the engine reads the counts without depending on the SDK.
/// </summary>
public interface ISpanExportCounts
{
    /// <summary>Whether spans are exported at all (an OTLP endpoint is configured).</summary>
    bool Exporting { get; }

    /// <summary>Recorded spans that ended (each one queued for export, or dropped).</summary>
    long Ended { get; }

    /// <summary>Spans dropped because the export queue was full.</summary>
    long Dropped { get; }
}
