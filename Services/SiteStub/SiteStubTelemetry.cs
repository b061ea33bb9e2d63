using System.Diagnostics.Metrics;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.SiteStub;

/// <summary>SiteStub's instruments; the meter's name is registered in ServiceDefaults.</summary>
public sealed class SiteStubTelemetry
{
    public SiteStubTelemetry(IMeterFactory meters, SiteStats stats)
    {
        var meter = meters.Create(LabTelemetry.MeterName);
        // Read from the stats' own counts when metrics are collected: two fewer metric
        // updates on every request, in the burst the server is measured by.
        meter.CreateObservableUpDownCounter(
            "sitestub.requests.in_flight", stats.InFlightBySite, unit: "{request}", description: "Requests arrived and not yet answered, queue included.");
        Duration = meter.CreateHistogram<double>(
            "sitestub.request.duration", unit: "s", description: "From arrival to the last byte, as the server sees it.");
    }

    public Histogram<double> Duration { get; }
}
