using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.CpuRunner.Tests;

/// <summary>
/// The orleans strategy on the runner's own silo: a real Orleans cluster of one, in the test's
/// process (the AppHost tests run it on the replicas' cluster of two, and kill one).
/// </summary>
public sealed class OrleansStrategyTests
{
    [Fact]
    public async Task EveryItemIsAVerifiedGrainCallAndTheClusterCountsWhatItsSiloServed()
    {
        await using var lab = await CpuLab.StartAsync();
        var before = await SiloAsync(lab);

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "orleans", workers = 2, count = 6 });

        Assert.Equal("completed", report.GetProperty("status").GetString());
        Assert.Equal(6, report.GetProperty("succeeded").GetInt32());
        Assert.All(report.GetProperty("results").EnumerateArray(), result => Assert.True(result.GetProperty("verified").GetBoolean()));
        Assert.Equal(Enumerable.Range(0, 6).Select(i => 5_000_000L + i),
            report.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("n").GetInt64()).Order());
        // The lanes' items were served by the one silo there is: it is named, with its process.
        var worker = Assert.Single(report.GetProperty("workersUsed").EnumerateArray());
        Assert.Equal("silo", worker.GetProperty("kind").GetString());
        Assert.Equal(6, worker.GetProperty("items").GetInt32());
        var after = await SiloAsync(lab);
        Assert.Equal(before.GetProperty("instance").GetString(), worker.GetProperty("id").GetString());
        Assert.Equal(6, after.GetProperty("itemsServed").GetInt64() - before.GetProperty("itemsServed").GetInt64());
        Assert.Equal(Environment.ProcessId, after.GetProperty("pid").GetInt32());
    }

    [Fact]
    public async Task EachGrainCallIsTracedUnderItsItemOnTheSiloThatRanIt()
    {
        var spans = new SpanCollector();
        await using var lab = await CpuLab.StartAsync(spans: spans);

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "orleans", workers = 2, count = 3 });
        var traceId = report.GetProperty("traceId").GetString();
        const string call = "ISumSquaresGrain/ComputeAsync";
        await Eventually.HoldsAsync(() => spans.Trace(traceId).Count(span => span.DisplayName.EndsWith(call, StringComparison.Ordinal) && span.Kind == ActivityKind.Server) == 3, CpuLab.Cancel);

        var trace = spans.Trace(traceId);
        var items = trace.Where(span => span.OperationName == "cpu.sum_squares").ToList();
        Assert.Equal(3, items.Count);
        // The silo's server span hangs under the caller's client span, which hangs under its item.
        Assert.All(trace.Where(span => span.DisplayName.EndsWith(call, StringComparison.Ordinal) && span.Kind == ActivityKind.Server), server =>
        {
            var client = Assert.Single(trace, span => span.SpanId == server.ParentSpanId);
            Assert.Equal(ActivityKind.Client, client.Kind);
            Assert.Contains(items, item => item.SpanId == client.ParentSpanId);
        });
    }

    [Fact]
    public async Task TheClusterListsItsActiveSilo()
    {
        await using var lab = await CpuLab.StartAsync();

        var cluster = await lab.Client.GetFromJsonAsync<JsonElement>("/cpu/cluster", CpuLab.Cancel);

        Assert.Equal("concurrency-lab", cluster.GetProperty("clusterId").GetString());
        Assert.Equal(1, cluster.GetProperty("active").GetInt32());
        var silo = Assert.Single(cluster.GetProperty("silos").EnumerateArray());
        Assert.Equal("Active", silo.GetProperty("status").GetString());
        Assert.StartsWith("127.0.0.1:", silo.GetProperty("address").GetString());
    }

    private static async Task<JsonElement> SiloAsync(CpuLab lab) =>
        (await lab.Client.GetFromJsonAsync<JsonElement>("/cpu/cluster", CpuLab.Cancel)).GetProperty("silos")[0];
}
