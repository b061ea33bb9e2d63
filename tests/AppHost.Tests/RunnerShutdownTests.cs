using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>The AppHost's iorunner stopped with SIGTERM in the middle of a processes run.</summary>
[Collection(LabCollection.Name)]
public sealed class RunnerShutdownTests(LabAppFixture lab)
{
    private static readonly TimeSpan Long = TimeSpan.FromMinutes(2);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARunnerStoppedMidRunExitsAndLeavesNoWorkerProcess()
    {
        using var runner = lab.CreatePinnedClient("iorunner");
        var pid = (await runner.GetFromJsonAsync<JsonElement>("/io/instance", Cancel)).GetProperty("pid").GetInt32();
        using var started = await runner.PostAsJsonAsync("/io/runs",
            new { strategy = "processes", workers = 2, repeat = 4, failRate = 1, failMode = "hang", timeoutMs = 600_000 }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        List<int> workers = [];
        await Eventually.HoldsAsync(async () =>
        {
            var report = await runner.GetFromJsonAsync<JsonElement>($"/io/runs/{id}?timeline=false", Cancel);
            workers = report.GetProperty("workersUsed").EnumerateArray().Select(worker => worker.GetProperty("pid").GetInt32()).ToList();
            return workers.Count == 2;
        }, Cancel, Long);

        var stopping = Stopwatch.StartNew();
        using (var terminate = Process.Start("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            await terminate.WaitForExitAsync(Cancel);
        try
        {
            await Eventually.HoldsAsync(() => Task.FromResult(workers.All(ServiceProcess.IsGone)), Cancel, Long);
            var workersGone = stopping.Elapsed;
            await Eventually.HoldsAsync(() => Task.FromResult(ServiceProcess.IsGone(pid)), Cancel, Long);
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"SIGTERM: iorunner's workers gone after {workersGone.TotalMilliseconds:0} ms, iorunner exited after {stopping.Elapsed.TotalMilliseconds:0} ms; " +
                $"OTEL_EXPORTER_OTLP_ENDPOINT={Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT") ?? "(not set here)"}");
            Assert.All(workers, worker => Assert.True(ServiceProcess.IsGone(worker)));
        }
        finally
        {
            // Start it again for the tests that follow, and wait until it answers.
            var resource = await ResourceIdAsync("iorunner");
            await lab.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, "resource-start", CancellationToken.None);
            await Eventually.HoldsAsync(async () =>
            {
                try
                {
                    using var fresh = lab.CreateClient("iorunner");
                    using var health = await fresh.GetAsync("/health", Cancel);
                    return health.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, CancellationToken.None, Long);
        }
    }

    private async Task<string> ResourceIdAsync(string name)
    {
        await foreach (var change in lab.App.ResourceNotifications.WatchAsync(Cancel))
        {
            if (change.Resource.Name == name)
                return change.ResourceId;
        }

        throw new InvalidOperationException($"No resource {name}.");
    }


}
