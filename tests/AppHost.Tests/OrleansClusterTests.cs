using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// The orleans strategy on the cluster the AppHost starts: one silo per cpurunner replica,
/// joined through the membership resource. In the lab collection: nothing else uses the
/// replicas while one is killed.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class OrleansClusterTests(LabAppFixture lab)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARunThroughTheGatewayIsComputedOnBothSilosAndTracedOnEach()
    {
        using var gateway = lab.CreateClient("gateway");
        var cluster = await gateway.GetFromJsonAsync<JsonElement>("/cpu/cluster", Cancel);
        Assert.Equal(LabAppFixture.CpuReplicas, cluster.GetProperty("active").GetInt32());

        using var response = await gateway.PostAsJsonAsync("/cpu/runs?wait=true&timeline=false",
            new { strategy = "orleans", workers = LabAppFixture.CpuReplicas, count = 4 * LabAppFixture.CpuReplicas }, Cancel);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(report.GetProperty("results").EnumerateArray(), result => Assert.True(result.GetProperty("verified").GetBoolean()));
        var silos = report.GetProperty("workersUsed").EnumerateArray()
            .Where(worker => worker.GetProperty("kind").GetString() == "silo" && worker.GetProperty("items").GetInt32() > 0)
            .Select(worker => worker.GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(LabAppFixture.CpuReplicas, silos.Count);
        // Each grain call's server span arrives from the replica that ran it, under the caller's span.
        var traceId = report.GetProperty("traceId").GetString()!;
        List<ReceivedSpan> Calls() => lab.Otlp.Trace(traceId).Where(span => span.Name.EndsWith("ISumSquaresGrain/ComputeAsync", StringComparison.Ordinal)).ToList();
        await Eventually.HoldsAsync(() => Calls().Count == 2 * 4 * LabAppFixture.CpuReplicas, Cancel, TimeSpan.FromSeconds(60));
        // A parent ends after its child, so it may come in a later export batch.
        await Eventually.HoldsAsync(() => lab.Otlp.Trace(traceId).Select(span => span.SpanId).ToHashSet() is var arrived
            && Calls().All(call => call.ParentSpanId is { } parent && arrived.Contains(parent)), Cancel);
        var spans = lab.Otlp.Trace(traceId);
        var servers = Calls().Where(call => Calls().Any(client => client.SpanId == call.ParentSpanId)).ToList();
        Assert.Equal(4 * LabAppFixture.CpuReplicas, servers.Count);
        Assert.Equal(silos, servers.Select(server => server.Instance!).ToHashSet());
        Assert.All(Calls().Except(servers), client =>
            Assert.Equal("cpu.sum_squares", Assert.Single(spans, span => span.SpanId == client.ParentSpanId).Name));
    }

    [Fact]
    public async Task ASiloKilledMidRunLosesNoItemAndCountsNoneTwice()
    {
        // One connection, so every call reaches the replica that coordinates the run; the silo of another replica is killed.
        using var coordinator = lab.CreatePinnedClient("cpurunner");
        var self = await coordinator.GetFromJsonAsync<JsonElement>("/cpu/instance", Cancel);
        var cluster = await coordinator.GetFromJsonAsync<JsonElement>("/cpu/cluster", Cancel);
        var victim = cluster.GetProperty("silos").EnumerateArray()
            .First(silo => silo.GetProperty("status").GetString() == "Active" && silo.GetProperty("pid").GetInt32() != self.GetProperty("pid").GetInt32());
        var pid = victim.GetProperty("pid").GetInt32();
        var resource = lab.HealthyCpuReplicas.Single(id => id.EndsWith(victim.GetProperty("instance").GetString()!, StringComparison.Ordinal));

        const int count = 16;
        using var started = await coordinator.PostAsJsonAsync("/cpu/runs",
            new { strategy = "orleans", workers = LabAppFixture.CpuReplicas, start = 1_000_000_000, count }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();

        // Frozen first, so the lane placed on it surely holds a call when it dies.
        await MidRunKill.FreezeThenKillAsync(coordinator, id, pid, Long, Cancel);
        try
        {
            await Eventually.HoldsAsync(async () => (await Report(coordinator, id)).GetProperty("status").GetString() != "running", Cancel, Long);
            var report = await Report(coordinator, id);

            Assert.Equal("completed", report.GetProperty("status").GetString());
            Assert.Equal(count, report.GetProperty("succeeded").GetInt32());
            var numbers = report.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("n").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => 1_000_000_000L + i), numbers.Order());
            Assert.All(report.GetProperty("results").EnumerateArray(), result => Assert.True(result.GetProperty("verified").GetBoolean()));
            // The killed silo's call in flight was sent again once the cluster had evicted it.
            Assert.True(report.GetProperty("retries").GetInt32() >= 1, "no call was retried");
        }
        finally
        {
            // Give the fixture its replica back, and the cluster its second silo.
            var commands = lab.App.Services.GetRequiredService<ResourceCommandService>();
            await commands.ExecuteCommandAsync(resource, "resource-start", CancellationToken.None);
            await lab.WaitForHealthyReplicasAsync(CancellationToken.None);
        }

        await Eventually.HoldsAsync(async () =>
            (await coordinator.GetFromJsonAsync<JsonElement>("/cpu/cluster", Cancel)).GetProperty("active").GetInt32() == LabAppFixture.CpuReplicas, Cancel, Long);
    }

    private static Task<JsonElement> Report(HttpClient client, string? id) => MidRunKill.ReportAsync(client, id, Cancel);
}
