using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.IoRunner.Tests;

public sealed class IoComparisonTests
{
    [Fact]
    public async Task CompareRunsEveryStrategyAtTheSameSettingsWithSpeedupAgainstSequential()
    {
        await using var lab = await IoLab.StartAsync();

        var (response, report) = await lab.PostAsync("/io/compare", new { repeat = 3, latencyMs = 10, workers = 3 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["sequential", "threads", "threadpool", "async", "processes"], rows.Select(row => row.GetProperty("strategy").GetString()));
        Assert.All(rows, row => Assert.Equal("completed", row.GetProperty("status").GetString()));
        Assert.All(rows, row => Assert.Equal(6, row.GetProperty("succeeded").GetInt32()));
        Assert.Equal(1.0, rows[0].GetProperty("speedup").GetDouble());
        Assert.Equal([1, 3, 3, 6, 3], rows.Select(row => row.GetProperty("workers").GetInt32()));
        // 5 runs of 6 downloads each reached SiteStub.
        await lab.WaitUntilAsync(stats => stats.Total.Served == 30);
        // Each row links to its run, which stays available.
        var run = await lab.GetAsync($"/io/runs/{rows[1].GetProperty("runId").GetString()}");
        Assert.Equal("threads", run.GetProperty("strategy").GetString());
    }

    [Fact]
    public async Task SweepRunsOneStrategyOverTheWorkerCounts()
    {
        await using var lab = await IoLab.StartAsync();

        var (_, report) = await lab.PostAsync("/io/sweep", new { strategy = "threads", workerCounts = new[] { 1, 2, 4 }, repeat = 2, latencyMs = 5 });

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal([1, 2, 4], rows.Select(row => row.GetProperty("workers").GetInt32()));
        Assert.All(rows, row => Assert.Equal("threads", row.GetProperty("strategy").GetString()));
        Assert.All(rows, row => Assert.InRange(row.GetProperty("peakInFlight").GetInt64(), 1, row.GetProperty("workers").GetInt32()));
        // A sequential probe of the sweep's items predicted every row, and left no run behind.
        Assert.All(rows, row => Assert.True(row.GetProperty("predictedMs").GetDouble() > 0));
        Assert.All(rows, row => Assert.True(row.GetProperty("predictedSpeedup").GetDouble() > 0));
        Assert.Contains(report.GetProperty("verdict").EnumerateArray(), line => line.GetString()!.StartsWith("Predicted against measured (from a sequential probe of 4 items"));
        Assert.Equal(3, (await lab.GetAsync("/io/runs")).GetArrayLength());
    }

    [Fact]
    public async Task TextFormatGivesAnAlignedTable()
    {
        await using var lab = await IoLab.StartAsync();

        using var response = await lab.Client.PostAsJsonAsync("/io/compare?format=text", new { repeat = 1, latencyMs = 0 }, IoLab.Cancel);
        var text = await response.Content.ReadAsStringAsync(IoLab.Cancel);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("compare: io", lines[0]);
        Assert.StartsWith("strategy", lines[1]);
        var rows = lines.Skip(3).TakeWhile(line => line != "verdict:").ToList();
        Assert.Equal(5, rows.Count(line => line.Contains("completed")));
        // Columns line up: every row is as wide as the rule under the header, or narrower.
        Assert.All(rows, line => Assert.True(line.Length <= lines[2].Length));
        // The table ends with the verdict.
        Assert.Contains("verdict:", lines);
        Assert.Contains(lines, line => line.StartsWith("- The work is ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StrategiesAreListedWithWhatTheyMean()
    {
        await using var lab = await IoLab.StartAsync();

        var strategies = await lab.GetAsync("/io/strategies");

        var names = strategies.EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Equal(["sequential", "threads", "threadpool", "async", "processes"], names);
        var threads = strategies.EnumerateArray().Single(s => s.GetProperty("name").GetString() == "threads");
        Assert.Contains("thread-safe", threads.GetProperty("description").GetString());
        Assert.Contains("clientPerWorker", threads.GetProperty("parameters").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task ARunIsOneTraceFromTheRootSpanToSiteStubsServerSpans()
    {
        var spans = new SpanCollector();
        await using var lab = await IoLab.StartAsync(spans: spans);

        var (_, report) = await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 2, repeat = 2, latencyMs = 5 });
        var traceId = report.GetProperty("traceId").GetString();
        await Eventually.HoldsAsync(() => spans.Trace(traceId).Count(span => span.Kind == ActivityKind.Server && span.DisplayName == "GET /sites/{name}") == 4, IoLab.Cancel);

        var trace = spans.Trace(traceId);
        var root = Assert.Single(trace, span => span.OperationName == "io.run");
        var downloads = trace.Where(span => span.OperationName == "io.download").ToList();
        Assert.Equal(4, downloads.Count);
        Assert.All(downloads, download => Assert.Equal(root.SpanId, download.ParentSpanId));
        Assert.Equal(2, downloads.Select(download => download.GetTagItem("thread.id")).Distinct().Count());
        // Each download has one HttpClient span, and SiteStub's server span is that one's child.
        // (The trace also holds the caller's POST and the catalog read that started the run.)
        var clientSpans = trace.Where(span => span.Kind == ActivityKind.Client && downloads.Any(d => d.SpanId == span.ParentSpanId)).ToList();
        Assert.Equal(4, clientSpans.Count);
        Assert.Equal(4, clientSpans.Select(client => client.ParentSpanId).Distinct().Count());
        var servers = trace.Where(span => span.Kind == ActivityKind.Server && span.DisplayName == "GET /sites/{name}").ToList();
        Assert.Equal(4, servers.Count);
        Assert.All(servers, server => Assert.Contains(clientSpans, client => client.SpanId == server.ParentSpanId));
        Assert.Equal(2, root.GetTagItem("lab.workers"));
    }
}
