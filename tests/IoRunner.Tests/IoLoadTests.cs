using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.SiteStub;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.IoRunner.Tests;

public sealed class IoLoadTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiftyClientsAtOnceGetExactlyThePlacesAndTheRestA429()
    {
        await using var lab = await IoLab.StartAsync();

        // Every admitted run hangs until cancelled, so no place frees up while the others knock.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            lab.PostAsync("/io/runs?timeline=false", new { strategy = "async", repeat = 2, failRate = 1, failMode = "hang", timeoutMs = 600_000 })));
        var admitted = answers.Where(answer => answer.Response.StatusCode == HttpStatusCode.Accepted).ToList();
        var refused = answers.Where(answer => answer.Response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        foreach (var answer in admitted)
            await lab.Client.DeleteAsync($"/io/runs/{answer.Body.GetProperty("id").GetString()}", Cancel);
        // A place is given back just after its run reports cancelled: knock until one is free.
        (HttpResponseMessage Response, JsonElement Body) after = default;
        await Eventually.HoldsAsync(async () =>
            (after = await lab.PostAsync("/io/runs?wait=true&timeline=false", new { strategy = "async", repeat = 2, latencyMs = 1 })).Response.StatusCode != HttpStatusCode.TooManyRequests,
            Cancel);

        TestContext.Current.TestOutputHelper?.WriteLine($"50 clients: {admitted.Count} admitted, {refused.Count} refused with 429");
        Assert.Equal((4, 46), (admitted.Count, refused.Count));
        Assert.All(refused, answer => Assert.NotNull(answer.Response.Headers.RetryAfter));
        // Cancelling gave the places back: the next run is admitted and completes.
        Assert.Equal(HttpStatusCode.OK, after.Response!.StatusCode);
        Assert.Equal(4, after.Body.GetProperty("succeeded").GetInt32());
    }

    [Fact]
    public async Task TwentyRunsStartedAndCancelledAtOnceLeaveNoProcessAndTheThreadsReturn()
    {
        await using var siteStub = await LoopbackApp.StartAsync(b => b.AddSiteStub(), app => app.MapSitesApi(), cancellationToken: Cancel);
        var stats = siteStub.Services.GetRequiredService<SiteStats>();
        using var runner = ServiceProcess.Start("IoRunner", out var address, new Dictionary<string, string>
        {
            ["IoRunner__SiteStubUrl"] = siteStub.Address.ToString(),
            ["IoRunner__MaxConcurrentRuns"] = "20",
        });
        using var client = new HttpClient { BaseAddress = address };
        try
        {
            await Eventually.HoldsAsync(async () => await ServiceProcess.IsHealthyAsync(client, Cancel), Cancel);
            // Warm up every strategy once, so the baseline holds what a used runner keeps.
            foreach (var strategy in new[] { "sequential", "threads", "threadpool", "async", "processes" })
                await client.PostAsJsonAsync("/io/runs?wait=true", new { strategy, workers = 2, repeat = 1, latencyMs = 1 }, Cancel);
            var baselineThreads = ServiceProcess.Threads(runner.Id);

            string[] strategies = ["threads", "threadpool", "async", "processes"];
            var starts = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => client.PostAsJsonAsync("/io/runs",
                new { strategy = strategies[i % 4], workers = 2, repeat = 2, failRate = 1, failMode = "hang", timeoutMs = 600_000 }, Cancel)));
            var ids = new List<string>();
            foreach (var start in starts)
                ids.Add((await start.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString()!);
            // Everything that can hang does: 5 runs each of 2 threads, 2 pool threads, 4 tasks
            // and 2 worker processes = 50 downloads in flight, 10 of them from workers.
            await Eventually.HoldsAsync(() => stats.Snapshot().Total.InFlight == 50 && ServiceProcess.Children(runner.Id) == 10, Cancel, TimeSpan.FromMinutes(2));
            var busyThreads = ServiceProcess.Threads(runner.Id);
            var busyChildren = ServiceProcess.Children(runner.Id);

            await Task.WhenAll(ids.Select(id => client.DeleteAsync($"/io/runs/{id}", Cancel)));
            await Eventually.HoldsAsync(() => ServiceProcess.Children(runner.Id) == 0 && stats.Snapshot().Total.InFlight == 0, Cancel);
            // Dedicated threads end with their runs; pool threads retire after idling.
            await Eventually.HoldsAsync(() => ServiceProcess.Threads(runner.Id) <= baselineThreads + 2, Cancel, TimeSpan.FromMinutes(2));
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"20 runs: threads {baselineThreads} before, {busyThreads} busy, {ServiceProcess.Threads(runner.Id)} after; worker processes {busyChildren} busy, 0 after");

            Assert.Equal(20, ids.Distinct().Count());
            Assert.Equal(10, busyChildren);
            foreach (var id in ids)
                Assert.Equal("cancelled", (await client.GetFromJsonAsync<JsonElement>($"/io/runs/{id}?timeline=false", Cancel)).GetProperty("status").GetString());
        }
        finally
        {
            runner.Kill(entireProcessTree: true);
        }
    }
}
