using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>SiteStub failing a fifth of its downloads, in each way, through the whole running lab.</summary>
[Collection(LabCollection.Name)]
public sealed class FaultTests(LabAppFixture lab)
{
    [Theory]
    [InlineData("status", "http_503")]
    [InlineData("reset", "reset")]
    [InlineData("hang", "timeout")]
    public async Task EveryRunCompletesAndEveryFailureIsCountedByReason(string failMode, string reason)
    {
        using var gateway = lab.CreateClient("gateway");

        // seed makes SiteStub's choice of which downloads fail the same on every run.
        using var response = await gateway.PostAsJsonAsync("/io/runs?wait=true&timeline=false",
            new { strategy = "threads", workers = 5, repeat = 10, latencyMs = 10, failRate = 0.2, failMode, seed = 7, timeoutMs = 3_000 },
            TestContext.Current.CancellationToken);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", report.GetProperty("status").GetString());
        var failed = report.GetProperty("failed").GetInt32();
        Assert.Equal(20, report.GetProperty("succeeded").GetInt32() + failed);
        Assert.InRange(failed, 1, 19);
        Assert.Equal(failed, report.GetProperty("errors").GetProperty(reason).GetInt32());
    }
}
