using System.Diagnostics;
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
        using var exporter = new StuckExporter();
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

        protected override void Dispose(bool disposing)
        {
            _release.Set();
            _release.Dispose();
            base.Dispose(disposing);
        }
    }
}
