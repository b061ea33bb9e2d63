using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.CpuRunner.Tests;

/// <summary>CpuRunner as its own process: 20 runs started and cancelled at once leave nothing behind.</summary>
public sealed class CpuIsolationTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TwentyRunsStartedAndCancelledAtOnceLeaveNoProcessAndTheThreadsReturn()
    {
        using var runner = ServiceProcess.Start("CpuRunner", out var address, new Dictionary<string, string> { ["CpuRunner__MaxConcurrentRuns"] = "20" });
        using var client = new HttpClient { BaseAddress = address };
        try
        {
            await Eventually.HoldsAsync(async () => await ServiceProcess.IsHealthyAsync(client, Cancel), Cancel);
            foreach (var strategy in new[] { "sequential", "threads", "async", "gil", "processes", "replicas" })
                await client.PostAsJsonAsync("/cpu/runs?wait=true", new { strategy, workers = 2, count = 2 }, Cancel);
            var baselineThreads = ServiceProcess.Threads(runner.Id);

            // Long runs (n = 10^10 each) of every strategy that holds threads or processes.
            string[] strategies = ["threads", "async", "gil", "processes"];
            var starts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostAsJsonAsync("/cpu/runs",
                new { strategy = strategies[i % 4], workers = 2, start = 9_999_999_000L, count = 100 }, Cancel)));
            var ids = new List<string>();
            foreach (var start in starts)
                ids.Add((await start.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!);
            await Eventually.HoldsAsync(() => ServiceProcess.Children(runner.Id) == 10, Cancel, TimeSpan.FromMinutes(2));
            var busyThreads = ServiceProcess.Threads(runner.Id);

            await Task.WhenAll(ids.Select(id => client.DeleteAsync($"/cpu/runs/{id}", Cancel)));
            await Eventually.HoldsAsync(() => ServiceProcess.Children(runner.Id) == 0, Cancel);
            await Eventually.HoldsAsync(() => ServiceProcess.Threads(runner.Id) <= baselineThreads + 2, Cancel, TimeSpan.FromMinutes(2));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"20 cpu runs: threads {baselineThreads} before, {busyThreads} busy, {ServiceProcess.Threads(runner.Id)} after; worker processes 0 after");

            foreach (var id in ids)
                Assert.Equal("cancelled", (await client.GetFromJsonAsync<JsonElement>($"/cpu/runs/{id}?timeline=false", Cancel)).GetProperty("status").GetString());
        }
        finally
        {
            runner.Kill(entireProcessTree: true);
        }
    }
}
