using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>Every service keeps answering /health while a CPU run keeps every core busy.</summary>
[Collection(LabCollection.Name)]
public sealed class HealthUnderLoadTests(LabAppFixture lab)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HealthAnswersWhileACpuRunSaturatesTheCores()
    {
        using var cpu = lab.CreatePinnedClient("cpurunner");
        using var started = await cpu.PostAsJsonAsync("/cpu/runs",
            new { strategy = "threads", workers = Environment.ProcessorCount, start = 1_000_000_000, count = 40 }, Cancel);
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("id").GetString();
        var latencies = LabAppFixture.Services.ToDictionary(service => service, _ => new List<double>());
        try
        {
            for (var round = 0; round < 30; round++)
            {
                foreach (var service in LabAppFixture.Services)
                {
                    using var client = lab.CreateClient(service);
                    var timer = Stopwatch.StartNew();
                    using var health = await client.GetAsync("/health", Cancel);
                    latencies[service].Add(timer.Elapsed.TotalMilliseconds);
                    Assert.Equal(HttpStatusCode.OK, health.StatusCode);
                }

                // Spread the probes over a few seconds of the run.
                await Task.Delay(100, Cancel);
            }

            var busy = await cpu.GetFromJsonAsync<JsonElement>($"/cpu/runs/{id}?timeline=false", Cancel);
            TestContext.Current.TestOutputHelper?.WriteLine($"during a cpu run ({busy.GetProperty("status").GetString()}, " +
                $"{busy.GetProperty("progress").GetProperty("done").GetInt32()} of 40 done): /health p99 " +
                string.Join(", ", latencies.Select(pair => $"{pair.Key} {P99(pair.Value):0.0} ms")));
            // The probes measured something only if the run kept every core busy from before the first to after the last.
            Assert.Equal("running", busy.GetProperty("status").GetString());
            Assert.Equal(Environment.ProcessorCount, busy.GetProperty("peakInFlight").GetInt64());
        }
        finally
        {
            using var cancel = await cpu.DeleteAsync($"/cpu/runs/{id}", CancellationToken.None);
        }
    }

    private static double P99(List<double> samples) =>
        samples.Order().ElementAt(Math.Clamp((int)Math.Ceiling(0.99 * samples.Count) - 1, 0, samples.Count - 1));
}
