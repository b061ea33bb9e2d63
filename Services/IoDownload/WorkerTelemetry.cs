using OpenTelemetry;
using OpenTelemetry.Trace;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// Tracing for a worker process: it inherits the runner's OTEL_* environment (endpoint,
/// headers, service name), so its spans reach the same dashboard. Dispose to flush.
/// </summary>
public static class WorkerTelemetry
{
    public static TracerProvider? Start(string sourceName)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT")))
            return null;
        // Parent-based, as in ServiceDefaults: an item the run does not trace arrives with an unsampled traceparent.
        return Sdk.CreateTracerProviderBuilder()
            .SetSampler(new ParentBasedSampler(new AlwaysOnSampler()))
            .AddSource(sourceName)
            .AddHttpClientInstrumentation()
            .AddOtlpExporter()
            .Build();
    }
}
