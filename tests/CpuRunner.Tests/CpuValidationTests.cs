using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class CpuValidationTests
{
    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "/cpu/runs", """{"strategy":"fibers"}""", "strategy" },
        { "/cpu/runs", """{}""", "strategy" },
        { "/cpu/runs", """{"strategy":"threads","workers":0}""", "workers" },
        { "/cpu/runs", """{"strategy":"threads","workers":257}""", "workers" },
        { "/cpu/runs", """{"strategy":"processes","workers":17}""", "workers" },
        { "/cpu/runs", """{"strategy":"threads","start":-1}""", "start" },
        { "/cpu/runs", """{"strategy":"threads","start":10000000001}""", "start" },
        { "/cpu/runs", """{"strategy":"threads","start":9999999999,"count":5}""", "count" },
        { "/cpu/runs", """{"strategy":"threads","count":0}""", "count" },
        { "/cpu/runs", """{"strategy":"threads","count":10001}""", "count" },
        { "/cpu/runs", """{"strategy":"gil","switchIntervalMs":0}""", "switchIntervalMs" },
        { "/cpu/runs", """{"strategy":"threads","switchIntervalMs":5}""", "switchIntervalMs" },
        { "/cpu/runs", """{"strategy":"threads","count":"many"}""", "count" },
        { "/cpu/runs", """{"strategy":"threads","n":5}""", "n" },
        { "/cpu/runs", """{"strategy":"threads","tracing":"some"}""", "tracing" },
        { "/cpu/runs", """{"strategy":"threads","count":2001,"tracing":"full"}""", "tracing" },
        { "/cpu/compare", """{"strategy":"threads"}""", "strategy" },
        { "/cpu/sweep", """{"strategy":"threads","workerCounts":[0]}""", "workerCounts" },
        { "/cpu/work", """{}""", "n" },
        { "/cpu/work", """{"n":-1}""", "n" },
        { "/cpu/work", """{"n":10000000001}""", "n" },
        { "/cpu/work", """{"n":"big"}""", "n" },
        { "/cpu/work", """{"n":1.5}""", "n" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ABadRequestIsA400NamingTheField(string path, string json, string field)
    {
        await using var lab = await CpuLab.StartAsync();

        using var response = await lab.Client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), CpuLab.Cancel);
        var body = await response.Content.ReadAsStringAsync(CpuLab.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", body);
    }

    [Fact]
    public async Task WorkAnswersTheExactSumAndWhoComputedIt()
    {
        await using var lab = await CpuLab.StartAsync();

        var (response, body) = await lab.PostAsync("/cpu/work", new { n = 3_810_779 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var n = new System.Numerics.BigInteger(3_810_779);
        Assert.Equal(((n - 1) * n * (2 * n - 1) / 6).ToString(), body.GetProperty("sum").GetString());
        Assert.Equal(Environment.ProcessId, body.GetProperty("pid").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("instance").GetString()));
    }

    [Fact]
    public async Task TooManyRunsGet429()
    {
        await using var lab = await CpuLab.StartAsync(new Dictionary<string, string?> { ["CpuRunner:MaxConcurrentRuns"] = "1" });
        var (_, first) = await lab.PostAsync("/cpu/runs", new { strategy = "sequential", start = 10_000_000_000 - 1_000, count = 1_000 });

        var (refused, _) = await lab.PostAsync("/cpu/runs", new { strategy = "sequential", count = 1 });
        var id = first.GetProperty("id").GetString();
        using var cancel = await lab.Client.DeleteAsync($"/cpu/runs/{id}", CpuLab.Cancel);
        await Eventually.HoldsAsync(async () =>
            (await lab.Client.GetFromJsonAsync<JsonElement>($"/cpu/runs/{id}", CpuLab.Cancel)).GetProperty("status").GetString() == "cancelled",
            CpuLab.Cancel);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }
}
