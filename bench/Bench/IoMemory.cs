using System.Globalization;

namespace ConcurrencyLab.Bench;

/// <summary>
/// What one in-flight download costs in memory under each model: hold N downloads open
/// (SiteStub's failMode=hang), read the resident memory of IoRunner (and of its worker
/// processes), and divide the growth by N.
/// </summary>
public static class IoMemory
{
    public static async Task<int> RunAsync()
    {
        await using var lab = await IoLabProcesses.StartAsync();
        // Warm-up so the JIT and the pools are in place before the baseline.
        await lab.PostAsync("/io/runs?wait=true", new { strategy = "async", repeat = 50, latencyMs = 1 });
        await lab.PostAsync("/io/runs?wait=true", new { strategy = "threads", workers = 4, repeat = 10, latencyMs = 1 });

        Console.WriteLine($"Memory per in-flight download (resident set, /proc VmRSS); {Environment.ProcessorCount} cores");
        Console.WriteLine("| strategy | in flight | IoRunner RSS before MiB | during MiB | worker processes MiB | per download KiB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        await Measure(lab, "threads", 200, new { strategy = "threads", workers = 200, sites = new[] { "dice" }, repeat = 200 });
        await Measure(lab, "threadpool", 50, new { strategy = "threadpool", workers = 50, sites = new[] { "dice" }, repeat = 50 });
        await Measure(lab, "async", 5_000, new { strategy = "async", sites = new[] { "dice" }, repeat = 5_000 });
        await Measure(lab, "processes", 4, new { strategy = "processes", workers = 4, sites = new[] { "dice" }, repeat = 4 });
        return 0;
    }

    private static async Task Measure(IoLabProcesses lab, string name, int inFlight, object settings)
    {
        var pid = lab.IoRunner.Pid;
        var before = ServerProcess.ResidentBytes(pid);
        var hang = JsonMerge.Of(settings, new { failRate = 1, failMode = "hang", latencyMs = 0, timeoutMs = 600_000 });
        var started = await lab.PostAsync("/io/runs", hang);
        var id = started.GetProperty("id").GetString();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (await lab.SiteStubInFlightAsync() < inFlight && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        await Task.Delay(500);
        var during = ServerProcess.ResidentBytes(pid);
        var report = await lab.GetAsync($"/io/runs/{id}?timeline=false");
        var workers = report.GetProperty("workersUsed").EnumerateArray()
            .Where(worker => worker.GetProperty("kind").GetString() == "process")
            .Sum(worker => ServerProcess.ResidentBytes(worker.GetProperty("pid").GetInt32()));
        var reached = await lab.SiteStubInFlightAsync();
        using (await lab.Client.DeleteAsync($"/io/runs/{id}"))
        {
        }

        while (await lab.SiteStubInFlightAsync() > 0 && DateTime.UtcNow < deadline.AddMinutes(1))
            await Task.Delay(100);
        var perDownload = (during - before + workers) / (double)Math.Max(1, reached) / 1024;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {reached:N0} | {before / 1048576.0:0.0} | {during / 1048576.0:0.0} | {workers / 1048576.0:0.0} | {perDownload:0.0} |"));
    }
}
