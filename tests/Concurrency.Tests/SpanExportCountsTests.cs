using System.Diagnostics;
using ConcurrencyLab.Contracts;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>The export queue's drops are read from the SDK and counted, not lost in silence.</summary>
public sealed class SpanExportCountsTests
{
    [Fact]
    public void SpansBeyondAFullQueueAreCountedAsDropped()
    {
        var counts = new SpanExportCounts();
        // The processor owns the exporter and disposes it.
        var exporter = new StuckExporter();
        using var processor = new CountingSpanProcessor(exporter, counts, maxQueueSize: 16, maxExportBatchSize: 16);

        for (var i = 0; i < 100; i++)
        {
            using var span = new Activity("test.span");
            span.ActivityTraceFlags = ActivityTraceFlags.Recorded;
            span.Start();
            span.Stop();
            processor.OnEnd(span);
        }

        Assert.True(counts.Exporting);
        Assert.Equal(100, counts.Ended);
        // At most the queue and the one batch the stuck exporter holds got through.
        Assert.InRange(counts.Dropped, 100 - 2 * 16, 100);
        exporter.Release();
    }

    [Fact]
    public void ARunsRootSpanEndingExportsItsSpansWithoutWaitingForTheSchedule()
    {
        var exporter = new CountingExporter();
        // An hour's schedule: only the run's end can have sent the batch.
        using var processor = new CountingSpanProcessor(exporter, new SpanExportCounts(), maxQueueSize: 64, maxExportBatchSize: 64,
            scheduledDelayMilliseconds: 3_600_000);

        processor.OnEnd(EndedSpan("io.item"));
        processor.OnEnd(EndedSpan("io.item"));
        Assert.False(exporter.Exported.Wait(TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));

        processor.OnEnd(EndedSpan("io.run", runId: "r1"));
        Assert.True(exporter.Exported.Wait(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.Equal(3, exporter.Spans);
    }

    private static Activity EndedSpan(string name, string? runId = null)
    {
        var span = new Activity(name);
        span.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        if (runId is not null)
            span.SetTag(LabTelemetry.RunIdTag, runId);
        span.Start();
        span.Stop();
        return span;
    }

    private sealed class CountingExporter : BaseExporter<Activity>
    {
        private int _spans;

        public ManualResetEventSlim Exported { get; } = new();

        public int Spans => Volatile.Read(ref _spans);

        public override ExportResult Export(in Batch<Activity> batch)
        {
            Interlocked.Add(ref _spans, (int)batch.Count);
            Exported.Set();
            return ExportResult.Success;
        }
    }

    // Holds its first batch until released, so the queue behind it fills up.
    private sealed class StuckExporter : BaseExporter<Activity>
    {
        private readonly ManualResetEventSlim _release = new();

        public void Release() => _release.Set();

        public override ExportResult Export(in Batch<Activity> batch)
        {
            _release.Wait(TimeSpan.FromSeconds(30));
            return ExportResult.Success;
        }

        // The event is released, never disposed: the processor's export thread may still be waiting on it.
        protected override void Dispose(bool disposing)
        {
            _release.Set();
            base.Dispose(disposing);
        }
    }
}
