using System.Globalization;
using System.Text.Json;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The Orleans issue's figures, in the lab as users run it (the AppHost's launch profile,
/// dashboard on, two cpurunner replicas = two silos): orleans' speedup at 100× CPU sizes
/// beside replicas and processes, from the same compares; and the per-item dispatch cost of
/// each way out of the runner (grain call, HTTP call to a replica, pipe to a worker process)
/// against the in-process call of sequential on the same near-empty items, in the same round.
/// </summary>
public static class OrleansBench
{
    private const double SpeedupTarget = 1.7;
    private const int DispatchItems = 2_000;
    private static readonly string[] Fanouts = ["orleans", "replicas", "processes"];

    public static async Task<int> RunAsync(int rounds)
    {
        await using var lab = await LabAppHost.StartAsync();
        using var api = new HttpClient { BaseAddress = LabAppHost.Gateway, Timeout = TimeSpan.FromMinutes(30) };
        Console.WriteLine(Invariant($"Orleans against replicas and processes: `dotnet run --project AppHost`'s launch profile, dashboard on; {Environment.ProcessorCount} cores; 2 silos; medians [min–max] over {rounds} rounds"));

        await SpeedupsAsync(api, rounds);
        await DispatchAsync(api, rounds);
        return 0;
    }

    // Speedup = sequential's wall time / the strategy's, both from one compare: a ratio from one run.
    private static async Task SpeedupsAsync(HttpClient api, int rounds)
    {
        var speedups = Fanouts.ToDictionary(strategy => strategy, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            var compare = await CpuStudy.PostAsync(api, "/cpu/compare", new { start = 500_000_000, count = 20, workers = 2 });
            var rows = compare.GetProperty("rows").EnumerateArray().ToDictionary(row => row.GetProperty("strategy").GetString()!);
            var sequential = rows["sequential"].GetProperty("wallMs").GetDouble();
            foreach (var strategy in Fanouts)
                speedups[strategy].Add(sequential / rows[strategy].GetProperty("wallMs").GetDouble());
        }

        Console.WriteLine();
        Console.WriteLine("### Speedup against sequential at 100× sizes (start 500,000,000, count 20, workers 2), one compare per round");
        Console.WriteLine();
        Console.WriteLine("| strategy | speedup | target |");
        Console.WriteLine("|---|---:|---|");
        foreach (var (strategy, values) in speedups)
        {
            var median = Percentiles.Of(values, 50);
            var target = strategy is "orleans" or "replicas" ? (median >= SpeedupTarget ? "≥ 1.7: held" : "≥ 1.7: MISSED") : "recorded";
            Console.WriteLine(Invariant($"| {strategy} | {median:0.00} [{values.Min():0.00}–{values.Max():0.00}] | {target} |"));
        }
    }

    // Items of n = 0…1,999 (the kernel is nanoseconds), one worker: each item's time is its dispatch.
    private static async Task DispatchAsync(HttpClient api, int rounds)
    {
        string[] strategies = ["sequential", .. Fanouts];
        var perItem = strategies.ToDictionary(strategy => strategy, _ => new List<double>());
        var ratios = Fanouts.ToDictionary(strategy => strategy, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            var microseconds = new Dictionary<string, double>();
            foreach (var strategy in strategies)
            {
                var report = await CpuStudy.PostAsync(api, "/cpu/runs?wait=true&timeline=false",
                    new { strategy, workers = 1, start = 0, count = DispatchItems, tracing = "off" });
                // Worker processes started and replica connections opened are start-up, not dispatch.
                var startup = report.GetProperty("startupMs") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : 0;
                microseconds[strategy] = (report.GetProperty("wallMs").GetDouble() - startup) * 1000 / DispatchItems;
                perItem[strategy].Add(microseconds[strategy]);
            }

            foreach (var strategy in Fanouts)
                ratios[strategy].Add(microseconds[strategy] / microseconds["sequential"]);
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"### Per-item dispatch: {DispatchItems:N0} items of n = 0…{DispatchItems - 1} (a no-op kernel), 1 worker, untraced; (wall − start-up) / items"));
        Console.WriteLine();
        Console.WriteLine("| strategy | µs per item | × sequential's in-process call (same round) |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var strategy in strategies)
        {
            var values = perItem[strategy];
            var ratio = strategy == "sequential" ? "1 (the floor)" : Invariant($"{Percentiles.Of(ratios[strategy], 50):0} [{ratios[strategy].Min():0}–{ratios[strategy].Max():0}]");
            Console.WriteLine(Invariant($"| {Label(strategy)} | {Percentiles.Of(values, 50):0.0} [{values.Min():0.0}–{values.Max():0.0}] | {ratio} |"));
        }
    }

    private static string Label(string strategy) => strategy switch
    {
        "sequential" => "sequential (in-process call: the floor)",
        "orleans" => "orleans (grain call to a silo)",
        "replicas" => "replicas (HTTP call to a replica)",
        _ => "processes (pipe to a worker process)",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
