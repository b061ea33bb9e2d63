using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text;

namespace ConcurrencyLab.IoRunner.Tests;

public sealed class IoValidationTests
{
    public static TheoryData<string, string> BadRequests => new()
    {
        { """{"strategy":"fibers"}""", "strategy" },
        { """{}""", "strategy" },
        { """{"strategy":"threads","workers":0}""", "workers" },
        { """{"strategy":"threads","workers":513}""", "workers" },
        { """{"strategy":"processes","workers":17}""", "workers" },
        { """{"strategy":"threads","workers":"five"}""", "workers" },
        { """{"strategy":"threads","repeat":0}""", "repeat" },
        { """{"strategy":"threads","tracing":"all"}""", "tracing" },
        { """{"strategy":"async","repeat":1001,"tracing":"full"}""", "tracing" },
        { """{"strategy":"async","repeat":5001,"tracing":"items"}""", "tracing" },
        { """{"strategy":"threads","repeat":50001}""", "repeat" },
        { """{"strategy":"threads","sites":["http://example.com/"]}""", "sites" },
        { """{"strategy":"threads","sites":["../stats"]}""", "sites" },
        { """{"strategy":"threads","sites":["nowhere"]}""", "sites" },
        { """{"strategy":"threads","sites":[]}""", "sites" },
        { """{"strategy":"threads","maxConcurrency":5}""", "maxConcurrency" },
        { """{"strategy":"async","maxConcurrency":10001}""", "maxConcurrency" },
        { """{"strategy":"async","repeat":6000}""", "maxConcurrency" },
        { """{"strategy":"threads","timeoutMs":-1}""", "timeoutMs" },
        { """{"strategy":"threads","maxConnections":0}""", "maxConnections" },
        { """{"strategy":"threads","maxConnections":10001}""", "maxConnections" },
        { """{"strategy":"threads","maxConnections":2,"clientPerWorker":true}""", "maxConnections" },
        { """{"strategy":"threads","latencyMs":-5}""", "latencyMs" },
        { """{"strategy":"threads","failRate":1.5}""", "failRate" },
        { """{"strategy":"threads","failMode":"explode"}""", "failMode" },
        { """{"strategy":"threads","dist":"gaussian"}""", "dist" },
        { """{"strategy":"threads","profile":"moon"}""", "profile" },
        { """{"strategy":"threads","url":"http://example.com"}""", "url" },
        { """{"strategy":"threads","workerCounts":[1]}""", "workerCounts" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task ABadRunRequestIsA400NamingTheField(string json, string field)
    {
        await using var lab = await IoLab.StartAsync();

        using var response = await lab.Client.PostAsync("/io/runs", new StringContent(json, Encoding.UTF8, "application/json"), IoLab.Cancel);
        var body = await response.Content.ReadAsStringAsync(IoLab.Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"\"{field}\"", body);
        Assert.Equal(0, (await lab.GetAsync("/io/runs")).GetArrayLength());
    }

    [Fact]
    public async Task SiteStubsOwnRefusalIsRelayedBesideIoRunnersErrors()
    {
        // SiteStub alone knows its limits: started with a 4,321 ms latency cap, its message says so.
        await using var lab = await IoLab.StartAsync(siteStubSettings: new Dictionary<string, string?> { ["SiteStub:MaxLatencyMs"] = "4321" });

        var (response, body) = await lab.PostAsync("/io/runs", new { strategy = "threads", repeat = 0, latencyMs = 5000, failMode = "explode" });
        using var direct = await lab.SiteStub.Client.GetAsync("/sites/jython?latencyMs=5000&failMode=explode", IoLab.Cancel);
        var siteStubErrors = (await direct.Content.ReadFromJsonAsync<JsonElement>(IoLab.Cancel)).GetProperty("errors");
        var errors = body.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("repeat", out _));
        Assert.Equal(siteStubErrors.GetProperty("latencyMs").ToString(), errors.GetProperty("latencyMs").ToString());
        Assert.Contains("4,321", errors.GetProperty("latencyMs")[0].GetString());
        Assert.Equal(siteStubErrors.GetProperty("failMode").ToString(), errors.GetProperty("failMode").ToString());
        Assert.Equal(0, lab.Stats.Snapshot().Total.Served);
    }

    [Fact]
    public async Task ARunWithoutWorkersGetsItsStrategysDefaultWithinItsCap()
    {
        // One resolution path: the validator once gave processes one worker per core here, past the cap.
        await using var lab = await IoLab.StartAsync(ioRunnerSettings: new Dictionary<string, string?> { ["IoRunner:MaxProcesses"] = "1" });

        var (_, processes) = await lab.PostAsync("/io/runs?wait=true&timeline=false", new { strategy = "processes", repeat = 1, latencyMs = 1 });
        var (_, threads) = await lab.PostAsync("/io/runs?wait=true&timeline=false", new { strategy = "threads", repeat = 1, latencyMs = 1 });

        Assert.Equal(1, processes.GetProperty("workers").GetInt32());
        Assert.Single(processes.GetProperty("workersUsed").EnumerateArray());
        Assert.Equal(5, threads.GetProperty("workers").GetInt32());
    }

    [Fact]
    public async Task ASweepNeedsAStrategyAndSaneWorkerCounts()
    {
        await using var lab = await IoLab.StartAsync();

        var (noStrategy, _) = await lab.PostAsync("/io/sweep", new { repeat = 1 });
        var (badCounts, body) = await lab.PostAsync("/io/sweep", new { strategy = "threads", workerCounts = new[] { 0, 5 } });

        Assert.Equal(HttpStatusCode.BadRequest, noStrategy.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCounts.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("workerCounts", out _));
    }

    [Theory]
    [InlineData("/io/runs?wait=abc")]
    [InlineData("/io/runs?wait=true&wait=false")]
    public async Task ABadWaitParameterIsA400NamingIt(string path)
    {
        await using var lab = await IoLab.StartAsync();

        var (response, body) = await lab.PostAsync(path, new { strategy = "sequential", repeat = 1 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("wait", out _));
    }

    [Fact]
    public async Task DeletingAFinishedRunChangesNothing()
    {
        await using var lab = await IoLab.StartAsync();
        var (_, run) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "sequential", repeat = 1, latencyMs = 0 });

        using var delete = await lab.Client.DeleteAsync($"/io/runs/{run.GetProperty("id").GetString()}", IoLab.Cancel);
        var after = await delete.Content.ReadFromJsonAsync<JsonElement>(IoLab.Cancel);

        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("completed", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AnUnknownRunIsA404()
    {
        await using var lab = await IoLab.StartAsync();

        using var get = await lab.Client.GetAsync("/io/runs/nope", IoLab.Cancel);
        using var delete = await lab.Client.DeleteAsync("/io/runs/nope", IoLab.Cancel);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, delete.StatusCode);
    }
}
