using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// The replicas strategy against the AppHost's real cpurunner replicas. In the cpurunner
/// collection: no other test uses the replicas while one is stopped.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class CpuReplicasTests(LabAppFixture lab)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryReplicaGetsWorkWhenThereAreAtLeastAsManyItemsAsReplicas()
    {
        using var gateway = lab.CreateClient("gateway");

        using var response = await gateway.PostAsJsonAsync("/cpu/runs?wait=true&timeline=false",
            new { strategy = "replicas", workers = LabAppFixture.CpuReplicas, count = 2 * LabAppFixture.CpuReplicas }, Cancel);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var replicas = report.GetProperty("workersUsed").EnumerateArray()
            .Where(worker => worker.GetProperty("kind").GetString() == "replica" && worker.GetProperty("items").GetInt32() > 0)
            .Select(worker => worker.GetProperty("id").GetString()).Distinct().ToList();
        Assert.Equal(LabAppFixture.CpuReplicas, replicas.Count);
        Assert.All(report.GetProperty("results").EnumerateArray(), result => Assert.True(result.GetProperty("verified").GetBoolean()));
    }

    [Fact]
    public async Task AReplicaKilledMidRunLosesNoItemAndCountsNoneTwice()
    {
        // One connection each, so every call on it reaches the same replica: the one that
        // coordinates the run, and another one, to be killed.
        using var coordinator = lab.CreatePinnedClient("cpurunner");
        var self = await InstanceAsync(coordinator);
        using var victim = await ClientToAnotherReplicaAsync(self.Instance);
        var target = await InstanceAsync(victim);
        var resource = lab.HealthyCpuReplicas.Single(id => id.EndsWith(target.Instance, StringComparison.Ordinal));

        const int count = 16;
        using var started = await coordinator.PostAsJsonAsync("/cpu/runs",
            new { strategy = "replicas", workers = LabAppFixture.CpuReplicas, start = 1_000_000_000, count }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();

        // Frozen first, so the lane to it surely holds an item in flight when it dies: one
        // that was between items sends its next one to the frozen replica, which never answers.
        await MidRunKill.FreezeThenKillAsync(coordinator, id, target.Pid, Long, Cancel);
        try
        {
            await Eventually.HoldsAsync(async () => (await Report(coordinator, id)).GetProperty("status").GetString() != "running", Cancel, Long);
            var report = await Report(coordinator, id);

            Assert.Equal("completed", report.GetProperty("status").GetString());
            Assert.Equal(count, report.GetProperty("succeeded").GetInt32());
            var numbers = report.GetProperty("results").EnumerateArray().Select(result => result.GetProperty("n").GetInt64()).ToList();
            Assert.Equal(Enumerable.Range(0, count).Select(i => 1_000_000_000L + i), numbers.Order());
            Assert.All(report.GetProperty("results").EnumerateArray(), result => Assert.True(result.GetProperty("verified").GetBoolean()));
            // The killed replica's item in flight was retried on the other one: exactly one, its lane's.
            Assert.Equal(1, report.GetProperty("retries").GetInt32());
        }
        finally
        {
            // Give the fixture its replica back for the tests that follow.
            var commands = lab.App.Services.GetRequiredService<ResourceCommandService>();
            await commands.ExecuteCommandAsync(resource, "resource-start", CancellationToken.None);
            await lab.WaitForHealthyReplicasAsync(CancellationToken.None);
        }
    }

    private async Task<HttpClient> ClientToAnotherReplicaAsync(string instance)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var client = lab.CreatePinnedClient("cpurunner");
            if ((await InstanceAsync(client)).Instance != instance)
                return client;
            client.Dispose();
        }

        throw new InvalidOperationException($"Every connection reached {instance}.");
    }

    private static async Task<(string Instance, int Pid)> InstanceAsync(HttpClient client)
    {
        var who = await client.GetFromJsonAsync<JsonElement>("/cpu/instance", Cancel);
        return (who.GetProperty("instance").GetString()!, who.GetProperty("pid").GetInt32());
    }

    private static Task<JsonElement> Report(HttpClient client, string? id) => MidRunKill.ReportAsync(client, id, Cancel);
}
