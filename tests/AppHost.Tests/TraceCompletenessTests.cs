using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// A run's report says what it traced; the collector must receive exactly that: the root,
/// every promised item span, the calls under the detailed items, and no span whose parent
/// never arrived.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class TraceCompletenessTests(LabAppFixture lab)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ATwoThousandItemRunsTraceHoldsEverySpanItsReportPromises()
    {
        using var gateway = lab.CreateClient("gateway");
        gateway.Timeout = TimeSpan.FromMinutes(2);

        using var response = await gateway.PostAsJsonAsync("/io/runs?wait=true&timeline=false",
            new { strategy = "async", sites = new[] { "dice" }, repeat = 2_000, latencyMs = 10 }, Cancel);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var traceId = report.GetProperty("traceId").GetString()!;
        var tracing = report.GetProperty("tracing");
        var traced = tracing.GetProperty("itemsTraced").GetInt32();
        var detailed = tracing.GetProperty("itemsDetailed").GetInt32();

        // Spans arrive in batches, a second apart, and the request's own spans end after its
        // answer: wait, bounded, for the last of them.
        int Count(string service, string name) => lab.Otlp.Trace(traceId).Count(span => span.Service == service && span.Name == name);
        bool EveryParentArrived()
        {
            var spans = lab.Otlp.Trace(traceId);
            var ids = spans.Select(span => span.SpanId).ToHashSet();
            return spans.All(span => span.ParentSpanId is null || ids.Contains(span.ParentSpanId));
        }

        await Eventually.HoldsAsync(() => Count("iorunner", "io.download") == traced && Count("sitestub", "GET /sites/{name}") == detailed
            && EveryParentArrived(), Cancel, TimeSpan.FromSeconds(60));

        Assert.Equal(2_000, report.GetProperty("succeeded").GetInt32());
        // The sampled policy (Services/Concurrency/Engine/TracePolicy.cs): 500 items in detail,
        // 500 more item spans, and the first item of up to 600 lanes.
        Assert.Equal((500, 0L), (detailed, tracing.GetProperty("spansDropped").GetInt64()));
        Assert.InRange(traced, 1_000, 1_600);
        Assert.Equal(1, Count("iorunner", "io.run"));
        // Two more HttpClient spans than downloads: before the run IoRunner reads SiteStub's
        // catalog and asks SiteStub to check the download parameters.
        Assert.Equal(detailed + 2, Count("iorunner", "GET"));
        Assert.Equal(detailed, Count("sitestub", "GET /sites/{name}"));
    }
    [Fact]
    public async Task AProcessesRunsWorkersSendTheirSpansIntoItsTrace()
    {
        using var gateway = lab.CreateClient("gateway");
        gateway.Timeout = TimeSpan.FromMinutes(2);

        using var response = await gateway.PostAsJsonAsync("/io/runs?wait=true&timeline=false",
            new { strategy = "processes", workers = 2, sites = new[] { "dice" }, repeat = 20, latencyMs = 10 }, Cancel);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var traceId = report.GetProperty("traceId").GetString()!;

        // The workers are the natively compiled IoWorker (the build publishes it where gcc is).
        var workers = report.GetProperty("workersUsed").EnumerateArray().Select(worker => worker.GetProperty("id").GetString()!).ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, id => Assert.EndsWith("(native)", id, StringComparison.Ordinal));
        Assert.Equal(20, report.GetProperty("succeeded").GetInt32());

        // Each worker exports its own spans: an item span and its HttpClient call per download,
        // under which SiteStub's server span hangs; every parent arrives.
        int Count(string service, string name) => lab.Otlp.Trace(traceId).Count(span => span.Service == service && span.Name == name);
        bool EveryParentArrived()
        {
            var spans = lab.Otlp.Trace(traceId);
            var ids = spans.Select(span => span.SpanId).ToHashSet();
            return spans.All(span => span.ParentSpanId is null || ids.Contains(span.ParentSpanId));
        }

        await Eventually.HoldsAsync(() => Count("iorunner", "io.download") == 20 && Count("sitestub", "GET /sites/{name}") == 20
            && EveryParentArrived(), Cancel, TimeSpan.FromSeconds(60));
        Assert.Equal(1, Count("iorunner", "io.run"));
        Assert.Equal(20, Count("sitestub", "GET /sites/{name}"));
    }
}
