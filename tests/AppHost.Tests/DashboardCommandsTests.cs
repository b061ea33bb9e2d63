using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>The dashboard's commands, executed as the dashboard does, through Aspire's command service.</summary>
[Collection(LabCollection.Name)]
public sealed class DashboardCommandsTests(LabAppFixture lab)
{
    [Fact]
    public async Task TheCpuCompareCommandRunsACompareThatIsThenStored()
    {
        var commands = lab.App.Services.GetRequiredService<ResourceCommandService>();
        // With replicas, the dashboard shows the command on each replica's row: run it on one.
        var replica = lab.HealthyCpuReplicas.First();

        var result = await commands.ExecuteCommandAsync(replica, LabCommands.CpuCompare, TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Message);
        var id = result.Message!.Split(' ')[1].TrimEnd(':');
        using var cpu = lab.CreatePinnedClient("cpurunner");
        var stored = await cpu.GetFromJsonAsync<JsonElement>($"/cpu/compares/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(7, stored.GetProperty("rows").GetArrayLength()); // the seven CPU strategies
        Assert.Equal(3, stored.GetProperty("rows")[0].GetProperty("rounds").GetInt32());
    }

    [Fact]
    public async Task ResetStatsStartsSiteStubsCountsAgain()
    {
        using var sites = new HttpClient { BaseAddress = lab.App.GetEndpoint("sitestub", "http") };
        await sites.GetAsync("/sites/dice?latencyMs=0", TestContext.Current.CancellationToken);
        // SiteStub lets a download out of flight just after its last byte: a reset before that keeps it as the peak.
        await Eventually.HoldsAsync(
            async () => (await sites.GetFromJsonAsync<JsonElement>("/sites/stats", TestContext.Current.CancellationToken)).GetProperty("total").GetProperty("inFlight").GetInt64() == 0,
            TestContext.Current.CancellationToken);

        var result = await lab.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync("sitestub", LabCommands.ResetStats, TestContext.Current.CancellationToken);

        Assert.True(result.Success, result.Message);
        var stats = await sites.GetFromJsonAsync<JsonElement>("/sites/stats", TestContext.Current.CancellationToken);
        Assert.Equal(0, stats.GetProperty("total").GetProperty("peakInFlight").GetInt64());
    }
}
