using System.Diagnostics.Metrics;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>The engine's instruments on the lab's Meter (registered in ServiceDefaults).</summary>
public sealed class LabMetrics
{
    public LabMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(LabTelemetry.MeterName);
        ItemDuration = meter.CreateHistogram<double>("lab.item.duration", unit: "s", description: "One work item, start to end.");
        RunDuration = meter.CreateHistogram<double>("lab.run.duration", unit: "s", description: "One run, start to end.");
        ItemsInFlight = meter.CreateUpDownCounter<long>("lab.items.in_flight", unit: "{item}", description: "Items started and not yet ended.");
    }

    public Histogram<double> ItemDuration { get; }

    public Histogram<double> RunDuration { get; }

    public UpDownCounter<long> ItemsInFlight { get; }
}
