using System.Diagnostics;
using System.Reflection;
using ConcurrencyLab.Contracts;
using OpenTelemetry;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The spans this process recorded, and how many of them its export queue dropped. The
/// OTel SDK drops silently when the queue is full; reading its count lets a run report
/// what it promised and lost.
/// </summary>
public sealed class SpanExportCounts : ISpanExportCounts
{
    private long _ended;

    /// <summary>The processor whose queue is counted; null while nothing exports.</summary>
    internal CountingSpanProcessor? Processor { get; set; }

    /// <summary>Whether spans are exported at all (an OTLP endpoint is configured).</summary>
    public bool Exporting => Processor is not null;

    /// <summary>Recorded spans that ended (each one queued for export, or dropped).</summary>
    public long Ended => Interlocked.Read(ref _ended);

    /// <summary>Spans dropped because the export queue was full (the SDK's own count).</summary>
    public long Dropped => Processor?.Dropped ?? 0;

    internal void AddEnded() => Interlocked.Increment(ref _ended);
}

/// <summary>
/// The batch processor for traces, sized by the lab's trace budget, counting what ends and
/// what it drops. It exports when a run's root span ends, and otherwise on a slow schedule:
/// a run's spans then leave after the run, not in the middle of it, where the export (and
/// the dashboard taking it in, on the same cores) would slow what the run measures.
/// </summary>
public sealed class CountingSpanProcessor : BatchActivityExportProcessor
{
    // The SDK counts dropped spans but keeps the count internal; this reads it. Null if a
    // later SDK renames it: the count then reads 0, and the AppHost tests, which read a
    // run's spans back from the collector, still catch a loss.
    private static readonly PropertyInfo? DroppedCount =
        typeof(BatchExportProcessor<Activity>).GetProperty("DroppedCount", BindingFlags.Instance | BindingFlags.NonPublic);

    private readonly SpanExportCounts _counts;

    public CountingSpanProcessor(BaseExporter<Activity> exporter, SpanExportCounts counts, int maxQueueSize, int maxExportBatchSize,
        int scheduledDelayMilliseconds = 1000)
        : base(exporter, maxQueueSize, scheduledDelayMilliseconds, exporterTimeoutMilliseconds: 10_000, maxExportBatchSize)
    {
        _counts = counts;
        counts.Processor = this;
    }

    public long Dropped => DroppedCount?.GetValue(this) is long dropped ? dropped : 0;

    public override void OnEnd(Activity data)
    {
        if (data.Recorded)
            _counts.AddEnded();
        base.OnEnd(data);
        // A zero timeout only wakes the export thread: the run's last span is not held up.
        if (data.Recorded && data.GetTagItem(LabTelemetry.RunIdTag) is not null)
            ForceFlush(timeoutMilliseconds: 0);
    }
}
