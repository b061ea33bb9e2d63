using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ConcurrencyLab.SiteStub;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.IoRunner.Tests;

/// <summary>
/// IoRunner as its own OS process, stopped in the middle of a processes run: by SIGTERM
/// (it cancels its runs and exits) and by SIGKILL (its orphaned workers end themselves).
/// Either way no worker process is left.
/// </summary>
public sealed class IoRunnerProcessTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("TERM")]
    [InlineData("KILL")]
    public async Task ARunnerStoppedMidRunLeavesNoWorkerProcess(string signal)
    {
        await using var siteStub = await LoopbackApp.StartAsync(b => b.AddSiteStub(), app => app.MapSitesApi(), cancellationToken: Cancel);
        var stats = siteStub.Services.GetRequiredService<SiteStats>();
        using var runner = ServiceProcess.Start("IoRunner", out var address, new Dictionary<string, string> { ["IoRunner__SiteStubUrl"] = siteStub.Address.ToString() });
        using var client = new HttpClient { BaseAddress = address };
        await Eventually.HoldsAsync(async () => await ServiceProcess.IsHealthyAsync(client, Cancel), Cancel);

        // Two worker processes, each blocked in a download that never answers.
        using var started = await client.PostAsJsonAsync("/io/runs",
            new { strategy = "processes", workers = 2, repeat = 4, failRate = 1, failMode = "hang", timeoutMs = 600_000 }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        await Eventually.HoldsAsync(() => stats.Snapshot().Total.InFlight == 2, Cancel);
        var report = await client.GetFromJsonAsync<JsonElement>($"/io/runs/{id}?timeline=false", Cancel);
        var workers = report.GetProperty("workersUsed").EnumerateArray().Select(worker => worker.GetProperty("pid").GetInt32()).ToList();

        var stopping = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", [$"-{signal}", runner.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await kill.WaitForExitAsync(Cancel);
        await runner.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromSeconds(30), Cancel);
        var exited = stopping.Elapsed;
        await Eventually.HoldsAsync(() => workers.All(ServiceProcess.IsGone), Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"SIG{signal}: runner exited after {exited.TotalMilliseconds:0} ms, its {workers.Count} workers gone after {stopping.Elapsed.TotalMilliseconds:0} ms");

        Assert.Equal(2, workers.Count);
        Assert.All(workers, pid => Assert.NotEqual(runner.Id, pid));
        // SiteStub sees the hung downloads' connections closed: nothing of the run is left.
        await Eventually.HoldsAsync(() => stats.Snapshot().Total.InFlight == 0, Cancel);
    }
}
