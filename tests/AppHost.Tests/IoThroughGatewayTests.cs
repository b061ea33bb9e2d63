using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>The IO experiment as a user runs it: through the gateway, against the AppHost's SiteStub.</summary>
[Collection(LabCollection.Name)]
public sealed class IoThroughGatewayTests(LabAppFixture lab)
{
    [Theory]
    [InlineData("threads", 4)]
    [InlineData("processes", 2)]
    public async Task ARunThroughTheGatewayDownloadsEveryPageFromSiteStub(string strategy, int workers)
    {
        using var gateway = lab.CreateClient("gateway");
        var cancel = TestContext.Current.CancellationToken;

        using var response = await gateway.PostAsJsonAsync("/io/runs?wait=true", new { strategy, workers, repeat = 4, latencyMs = 20 }, cancel);
        using var report = await response.Content.ReadFromJsonAsync<JsonDocument>(cancel);

        var root = report!.RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(8, root.GetProperty("succeeded").GetInt32());
        Assert.Equal(4 * (10 * 1024 + 512), root.GetProperty("bytes").GetInt64());
        Assert.Equal(workers, root.GetProperty("workersUsed").GetArrayLength());
        Assert.Matches("^[0-9a-f]{32}$", root.GetProperty("traceId").GetString());
    }

    [Fact]
    public async Task TheRunIsListedAndItsTextTableIsServedThroughTheGateway()
    {
        using var gateway = lab.CreateClient("gateway");
        var cancel = TestContext.Current.CancellationToken;
        using var started = await gateway.PostAsJsonAsync("/io/runs?wait=true", new { strategy = "async", repeat = 2, latencyMs = 5 }, cancel);
        using var report = await started.Content.ReadFromJsonAsync<JsonDocument>(cancel);
        var id = report!.RootElement.GetProperty("id").GetString();

        var text = await gateway.GetStringAsync($"/io/runs/{id}?format=text", cancel);
        using var list = await gateway.GetFromJsonAsync<JsonDocument>("/io/runs", cancel);

        Assert.StartsWith($"run {id}: io / async, completed", text);
        Assert.Contains(list!.RootElement.EnumerateArray(), run => run.GetProperty("id").GetString() == id);
    }
}
