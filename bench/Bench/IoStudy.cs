using System.Globalization;
using System.Text.Json;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The study's IO table, reproduced: 160 downloads (jython and dice, 80 times each) under
/// each variant, at latencyMs=100 and at the `seed` profile, against SiteStub, through
/// IoRunner's API as users call it. Also async with 10,000 downloads.
/// </summary>
public static class IoStudy
{
    private sealed record Variant(string Label, object Settings, string Study);

    private static readonly Variant[] Variants =
    [
        new("sequential", new { strategy = "sequential" }, Published("sequential")),
        .. new[] { 5, 10, 15, 20, 30 }.Select(workers =>
            new Variant($"threads {workers}", new { strategy = "threads", workers }, Published("threads", workers))),
        new("processes (cores)", new { strategy = "processes" }, Published("processes")),
        new("async", new { strategy = "async" }, "fastest (no figure)"),
    ];

    private static string Published(string strategy, int? workers = null) =>
        StudyFigures.Find("io", strategy, workers)?.Text ?? "-";

    public static async Task<int> RunAsync(int repeats)
    {
        await using var lab = await IoLabProcesses.StartAsync();
        Console.WriteLine($"IO study: 160 downloads; {Environment.ProcessorCount} cores; each figure the median of {repeats} run(s) after a warm-up");

        // Warm-up: every strategy once, small, so the JIT has tiered up before anything counts.
        foreach (var variant in Variants)
            await lab.PostAsync("/io/runs?wait=true&timeline=false", JsonMerge.Of(variant.Settings, new { repeat = 10, latencyMs = 10 }));

        foreach (var (title, conditions) in new (string, object)[] { ("latencyMs=100", new { latencyMs = 100 }), ("profile=seed", new { profile = "seed", seed = 1 }) })
        {
            Console.WriteLine();
            Console.WriteLine($"### {title}");
            Console.WriteLine("| variant | study s (run 1 / run 2) | this run s | ideal s | efficiency | peak in flight | cpu ms | start-up ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var variant in Variants)
            {
                var reports = new List<JsonElement>();
                for (var i = 0; i < repeats; i++)
                    reports.Add(await lab.PostAsync("/io/runs?wait=true&timeline=false", JsonMerge.Of(variant.Settings, conditions)));
                var median = reports.OrderBy(report => report.GetProperty("wallMs").GetDouble()).ElementAt(reports.Count / 2);
                Console.WriteLine(Row(variant.Label, variant.Study, median));
            }
        }

        Console.WriteLine();
        Console.WriteLine("### async, 10,000 downloads of dice at latencyMs=100");
        Console.WriteLine("| variant | study s | this run s | ideal s | efficiency | peak in flight | cpu ms | start-up ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        var runs = new List<JsonElement>();
        for (var i = 0; i < repeats; i++)
            runs.Add(await lab.PostAsync("/io/runs?wait=true&timeline=false", new { strategy = "async", sites = new[] { "dice" }, repeat = 10_000, latencyMs = 100 }));
        var middle = runs.OrderBy(report => report.GetProperty("wallMs").GetDouble()).ElementAt(runs.Count / 2);
        Console.WriteLine(Row("async 10,000", "-", middle));
        return 0;
    }

    private static string Row(string label, string study, JsonElement report)
    {
        var failed = report.GetProperty("failed").GetInt32();
        var startup = report.GetProperty("startupMs").ValueKind == JsonValueKind.Number ? report.GetProperty("startupMs").GetDouble().ToString("0", CultureInfo.InvariantCulture) : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {label}{(failed > 0 ? $" ({failed} failed)" : "")} | {study} | {report.GetProperty("wallMs").GetDouble() / 1000:0.000} | {report.GetProperty("idealMs").GetDouble() / 1000:0.000} | {report.GetProperty("efficiency").GetDouble() * 100:0.0}% | {report.GetProperty("peakInFlight").GetInt64()} | {report.GetProperty("cpuMs").GetDouble():0} | {startup} |");
    }
}
