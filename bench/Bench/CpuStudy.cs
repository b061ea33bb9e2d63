using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The study's CPU table, reproduced through the running lab (AppHost, two cpurunner
/// replicas): every strategy at the study's sizes (n from 5,000,000, 20 numbers) and at
/// 10× (n from 50,000,000), plus the kernel against the C reference in bench/c.
/// </summary>
public static class CpuStudy
{
    public static async Task<int> RunAsync(int repeats)
    {
        var cReference = RunCReference(50_000_000);
        await using var lab = await LabAppHost.StartAsync();
        using var client = new HttpClient { BaseAddress = LabAppHost.CpuRunner, Timeout = TimeSpan.FromMinutes(10) };

        var kernel = new List<double>();
        for (var i = 0; i < 9; i++)
            kernel.Add((await PostAsync(client, "/cpu/work", new { n = 50_000_000 })).GetProperty("elapsedMs").GetDouble());
        Console.WriteLine($"CPU study; {Environment.ProcessorCount} cores; {repeats} compare(s) per size after a warm-up, median per row");
        Console.WriteLine();
        Console.WriteLine("### Kernel, n = 50,000,000 (best of 9 in a cpurunner replica, as users run it; C: best of 7)");
        Console.WriteLine("| kernel | ms | × C |");
        Console.WriteLine("|---|---:|---:|");
        Console.WriteLine(Invariant($"| C, gcc -O2, unsigned __int128 | {cReference:0.000} | 1.00 |"));
        Console.WriteLine(Invariant($"| .NET, UInt128 carry (Debug build, Optimize=true) | {kernel.Min():0.000} | {kernel.Min() / cReference:0.00} |"));

        // Warm-up: the JIT tiers up the engine's code over the first runs (see docs/benchmarks.md).
        for (var i = 0; i < 4; i++)
            await PostAsync(client, "/cpu/compare", new { start = 50_000_000, count = 20, workers = 2 });
        foreach (var (title, start) in new[] { ("study sizes: n = 5,000,000 … 5,000,019", 5_000_000L), ("10× sizes: n = 50,000,000 … 50,000,019", 50_000_000L) })
        {
            var compares = new List<JsonElement>();
            for (var i = 0; i < repeats; i++)
                compares.Add(await PostAsync(client, "/cpu/compare", new { start, count = 20, workers = 2 }));
            Console.WriteLine();
            Console.WriteLine($"### {title}, workers = 2");
            Console.WriteLine("| strategy | study s | this run s | ideal s | efficiency | speedup | cpu ms | bound | start-up ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---:|");
            var strategies = compares[0].GetProperty("rows").EnumerateArray().Select(row => row.GetProperty("strategy").GetString()!).ToList();
            foreach (var strategy in strategies)
            {
                var rows = compares.Select(compare => compare.GetProperty("rows").EnumerateArray().Single(row => row.GetProperty("strategy").GetString() == strategy))
                    .OrderBy(row => row.GetProperty("wallMs").GetDouble()).ToList();
                var median = rows[rows.Count / 2];
                var speedups = compares.Select(compare => compare.GetProperty("rows").EnumerateArray()
                    .Single(row => row.GetProperty("strategy").GetString() == strategy).GetProperty("speedup").GetDouble()).Order().ToList();
                var startup = median.GetProperty("startupMs").ValueKind == JsonValueKind.Number ? Invariant($"{median.GetProperty("startupMs").GetDouble():0}") : "";
                Console.WriteLine(Invariant(
                    $"| {strategy} | {StudyFigures.Find("cpu", strategy)?.Text ?? "-"} | {median.GetProperty("wallMs").GetDouble() / 1000:0.000} | {median.GetProperty("idealMs").GetDouble() / 1000:0.000} | {median.GetProperty("efficiency").GetDouble() * 100:0.0}% | {speedups[speedups.Count / 2]:0.00} | {median.GetProperty("cpuMs").GetDouble():0} | {median.GetProperty("bound").GetString()} | {startup} |"));
            }
        }

        return 0;
    }

    // Compiles and runs bench/c/sum_squares.c; returns its best time in ms.
    internal static double RunCReference(long n)
    {
        var source = Path.Combine(RepoPaths.Root(), "bench", "c", "sum_squares.c");
        var binary = Path.Combine(Path.GetTempPath(), "concurrency-lab-sum-squares");
        Run("gcc", "-O2", "-o", binary, source);
        var output = Run(binary, n.ToString(CultureInfo.InvariantCulture), "7");
        return double.Parse(output.Split("best_ms=")[1].Trim(), CultureInfo.InvariantCulture);
    }

    internal static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} exited with {process.ExitCode}.");
        return output;
    }

    internal static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
