using ConcurrencyLab.Contracts;
using ConcurrencyLab.Testing;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;

namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SiteTelemetryTests
{
    [Fact]
    public async Task EachRequestIsAServerSpanJoinedToTheCallersTrace()
    {
        var spans = new SpanCollector();
        await using var server = await SiteStubServer.StartAsync(spans: spans);
        var traceId = ActivityTraceId.CreateRandom();
        var parentId = ActivitySpanId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sites/dice?latencyMs=5");
        request.Headers.Add("traceparent", $"00-{traceId}-{parentId}-01");

        // This client must not replace the header with its own span's context.
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = server.Client.BaseAddress };

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        // Span listeners are process-wide: keep only this request's trace.
        await Eventually.HoldsAsync(() => spans.Trace(traceId).Any(span => span.Kind == ActivityKind.Server), TestContext.Current.CancellationToken);

        // One span per download: what SiteStub did is on the server span, not in a child.
        var serverSpan = Assert.Single(spans.Trace(traceId));
        Assert.Equal(ActivityKind.Server, serverSpan.Kind);
        Assert.Equal(parentId, serverSpan.ParentSpanId);
        Assert.Equal("dice", serverSpan.GetTagItem("sitestub.site"));
        Assert.Equal("served", serverSpan.GetTagItem("sitestub.outcome"));
        Assert.Equal(5.0, serverSpan.GetTagItem("sitestub.latency_ms"));
    }

    [Fact]
    public async Task ARequestSampledOutByItsCallerRecordsNoSpan()
    {
        var spans = new SpanCollector();
        await using var server = await SiteStubServer.StartAsync(spans: spans);
        using var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = server.Client.BaseAddress };

        var sampledOut = await DownloadInTraceAsync(client, recorded: false);
        var sampled = await DownloadInTraceAsync(client, recorded: true);

        // The recorded one's span arriving means the other's would have too.
        await Eventually.HoldsAsync(() => spans.Trace(sampled).Count == 1, TestContext.Current.CancellationToken);
        Assert.Empty(spans.Trace(sampledOut));
    }

    // One download whose traceparent says whether the caller records its trace; returns the trace id.
    private static async Task<ActivityTraceId> DownloadInTraceAsync(HttpClient client, bool recorded)
    {
        var traceId = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/sites/dice?latencyMs=1");
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-{(recorded ? "01" : "00")}");
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        return traceId;
    }

    [Fact]
    public async Task InFlightAndDurationAreMeasuredPerSite()
    {
        await using var server = await SiteStubServer.StartAsync();
        var meters = server.Services.GetRequiredService<IMeterFactory>();
        var recorded = new List<(string Instrument, double Value, object? Site)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this server's meter: other tests' servers run in the same process.
            if (instrument.Meter.Scope == meters && instrument.Name.StartsWith("sitestub.", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        listener.Start();

        // One download of each site held in flight, read by the in-flight instrument, then let go.
        var jython = server.Client.GetByteArrayAsync("/sites/jython?latencyMs=400", TestContext.Current.CancellationToken);
        var dice = server.Client.GetByteArrayAsync("/sites/dice?latencyMs=400", TestContext.Current.CancellationToken);
        await server.WaitUntilAsync(stats => stats.Total.InFlight == 2);
        listener.RecordObservableInstruments();
        var whileInFlight = InFlight(recorded);
        await Task.WhenAll(jython, dice);
        // Counted as served last, after leaving flight and recording the duration.
        await server.WaitUntilAsync(stats => stats.Total.Served == 2);
        listener.RecordObservableInstruments();
        var afterwards = InFlight(recorded).Skip(whileInFlight.Count).ToList();

        Assert.Equal([("dice", 1.0), ("jython", 1.0)], whileInFlight.Order());
        Assert.Equal([("dice", 0.0), ("jython", 0.0)], afterwards.Order());
        lock (recorded)
            Assert.Equal(["dice", "jython"], recorded.Where(r => r.Instrument == "sitestub.request.duration").Select(r => (string)r.Site!).Order());

        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            object? site = null;
            foreach (var tag in tags)
            {
                if (tag.Key == "site")
                    site = tag.Value;
            }

            lock (recorded)
                recorded.Add((instrument.Name, value, site));
        }
    }

    [Fact]
    public async Task KestrelsBufferPoolIsNotMeasured()
    {
        // Its counters would change on every buffer a download rents and returns.
        var metrics = new List<Metric>();
        await using var app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddSiteStub();
                builder.Services.AddOpenTelemetry().WithMetrics(meters => meters.AddInMemoryExporter(metrics));
            },
            web => web.MapSitesApi(),
            cancellationToken: TestContext.Current.CancellationToken);

        var page = await app.Client.GetByteArrayAsync("/sites/dice?latencyMs=1", TestContext.Current.CancellationToken);
        var meterProvider = app.Services.GetRequiredService<MeterProvider>();
        // The server records a request's duration after the client has its response: flush until it is in.
        await Eventually.HoldsAsync(
            () => meterProvider.ForceFlush() && metrics.Any(metric => metric.Name == "http.server.request.duration"),
            TestContext.Current.CancellationToken);

        Assert.Equal(512, page.Length);
        Assert.DoesNotContain(metrics, metric => metric.MeterName == "Microsoft.AspNetCore.MemoryPool");
    }

    private static List<(string Site, double Value)> InFlight(List<(string Instrument, double Value, object? Site)> recorded)
    {
        lock (recorded)
            return recorded.Where(r => r.Instrument == "sitestub.requests.in_flight").Select(r => ((string)r.Site!, r.Value)).ToList();
    }
}
