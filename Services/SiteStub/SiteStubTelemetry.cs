using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.SiteStub;

/// <summary>SiteStub's span source and instruments; names registered in ServiceDefaults.</summary>
public sealed class SiteStubTelemetry
{
    public static readonly ActivitySource Source = new(LabTelemetry.SiteStubSource);

    public SiteStubTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(LabTelemetry.MeterName);
        InFlight = meter.CreateUpDownCounter<long>(
            "sitestub.requests.in_flight", unit: "{request}", description: "Requests arrived and not yet answered, queue included.");
        Duration = meter.CreateHistogram<double>(
            "sitestub.request.duration", unit: "s", description: "From arrival to the last byte, as the server sees it.");
    }

    public UpDownCounter<long> InFlight { get; }

    public Histogram<double> Duration { get; }
}
