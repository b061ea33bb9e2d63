using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Service defaults shared by every lab service: OpenTelemetry, health checks and
/// service discovery. Based on the Aspire template.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();

        // A request the framework cannot bind is a 400 ProblemDetails (written by the
        // status-code pages), never an exception page or a 500, in every environment.
        builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);

        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            // Ordinary clients get retries and timeouts. Measurement clients remove them
            // again (AddMeasurementHttpClient): hidden retries would falsify timings.
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(LabTelemetry.MeterName)
                // Kestrel's buffer-pool counters change on every rent and return of a buffer,
                // several times a request, and say nothing about the lab's runs.
                .AddView(instrument => instrument.Meter.Name == "Microsoft.AspNetCore.MemoryPool" ? MetricStreamConfiguration.Drop : null))
            .WithTracing(tracing => tracing
                // Parent-based, whatever OTEL_TRACES_SAMPLER says (Aspire sets always_on):
                // a run's trace policy leaves items untraced through an unsampled parent,
                // and their client spans here and server spans downstream must follow it.
                // Root spans are rate-limited, so a burst of direct requests is not traced whole.
                .SetSampler(new ParentBasedSampler(new RootSpanRateLimit(
                    builder.Configuration.GetValue("Lab:Tracing:RootSpansPerSecond", DefaultRootSpansPerSecond))))
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(LabTelemetry.Sources)
                .AddAspNetCoreInstrumentation(options =>
                    // Health probes every few seconds would bury the lab's runs.
                    options.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthEndpointPath)
                        && !context.Request.Path.StartsWithSegments(AlivenessEndpointPath))
                .AddHttpClientInstrumentation());

        builder.AddOpenTelemetryExporters();
        return builder;
    }

    private static TBuilder AddOpenTelemetryExporters<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var counts = new SpanExportCounts();
        builder.Services.AddSingleton(counts);
        builder.Services.AddSingleton<ISpanExportCounts>(counts);
        var useOtlpExporter = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        if (useOtlpExporter)
        {
            // Traces go through a queue sized for the lab's trace budget, with counts of
            // what was exported or dropped (the SDK's default queue of 2,048 drops silently).
            var queueSize = builder.Configuration.GetValue("Lab:Tracing:ExportQueueSize", DefaultExportQueueSize);
            var delayMs = builder.Configuration.GetValue("Lab:Tracing:ExportDelayMs", DefaultExportDelayMs);
            builder.Services.AddOpenTelemetry()
                .WithLogging(logging => logging.AddOtlpExporter())
                .WithMetrics(metrics => metrics.AddOtlpExporter())
                .WithTracing(tracing => tracing.AddProcessor(_ =>
                    new CountingSpanProcessor(new OtlpTraceExporter(new OtlpExporterOptions()), counts, queueSize, ExportBatchSize, delayMs)));
        }

        return builder;
    }

    // A person's curls and the lab page's polls stay far below it; a load test does not.
    private const double DefaultRootSpansPerSecond = 50;

    // Four concurrent runs of the largest budget (about 8,000 spans each) fit, several times over.
    private const int DefaultExportQueueSize = 65_536;
    // Spans not from a run (page polls, direct requests, SiteStub's server spans) reach the
    // dashboard within this; a run's own leave when it ends.
    private const int DefaultExportDelayMs = 3_000;
    // Large batches: a run's spans leave in one export, not one per 512.
    private const int ExportBatchSize = 8_192;

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// /health (every check) and /alive (liveness only). Mapped in every environment:
    /// the AppHost and the tests probe them, and the services listen on loopback.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath);
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
        });
        return app;
    }
}
