using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.Testing;

namespace ConcurrencyLab.AppHost.Tests;

[Collection(LabCollection.Name)]
public sealed class ResourceHealthTests(LabAppFixture lab)
{
    public static TheoryData<string> Services => new(LabAppFixture.Services);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task EveryServiceAnswersHealth(string service)
    {
        using var client = lab.CreateClient(service);

        using var response = await client.GetAsync("/health", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void EveryCpuRunnerReplicaBecameHealthy()
    {
        Assert.Equal(LabAppFixture.CpuReplicas, lab.HealthyCpuReplicas.Count);
    }

    [Fact]
    public async Task FreshConnectionsReachEveryCpuRunnerReplica()
    {
        // Aspire's proxy balances per TCP connection, so each request gets a new one.
        var endpoint = lab.App.GetEndpoint("cpurunner", "http");
        var pids = new HashSet<int>();
        for (var attempt = 0; attempt < 40 && pids.Count < LabAppFixture.CpuReplicas; attempt++)
        {
            using var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.Zero };
            using var client = new HttpClient(handler) { BaseAddress = endpoint };
            using var response = await client.PostAsJsonAsync("/cpu/work", new { n = 10 }, TestContext.Current.CancellationToken);
            using var result = await response.Content.ReadFromJsonAsync<JsonDocument>(TestContext.Current.CancellationToken);
            pids.Add(result!.RootElement.GetProperty("pid").GetInt32());
        }

        Assert.Equal(LabAppFixture.CpuReplicas, pids.Count);
    }
}
