using System.Globalization;
using System.Net.Http.Json;
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
        await DispatchAsync(rounds);
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

    // Items of n = 0…1,999 (the kernel takes nanoseconds), so an item's duration is its dispatch.
    // Two lanes, from one pinned replica (the coordinator): the items each lane's worker served,
    // split into those served by another process (a real hop) and by the coordinator itself.
    private static async Task DispatchAsync(int rounds)
    {
        using var coordinator = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = LabAppHost.CpuRunner,
            Timeout = TimeSpan.FromMinutes(10),
        };
        var self = (await coordinator.GetFromJsonAsync<JsonElement>("/cpu/instance")).GetProperty("pid").GetInt32();
        string[] strategies = ["sequential", .. Fanouts];
        var remote = strategies.ToDictionary(strategy => strategy, _ => new List<double>());
        var local = strategies.ToDictionary(strategy => strategy, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var strategy in strategies)
            {
                var report = await CpuStudy.PostAsync(coordinator, "/cpu/runs?wait=true",
                    new { strategy, workers = strategy == "sequential" ? 1 : 2, start = 0, count = DispatchItems, tracing = "off" });
                var pidOf = report.GetProperty("workersUsed").EnumerateArray()
                    .ToDictionary(worker => worker.GetProperty("id").GetString()!, worker => worker.GetProperty("pid").GetInt32());
                var items = report.GetProperty("timeline").EnumerateArray()
                    .Select(item => (Pid: pidOf.GetValueOrDefault(item.GetProperty("lane").GetString()!, self), Ms: item.GetProperty("durationMs").GetDouble()))
                    .ToList();
                // Sequential's items run in the coordinator: they are the in-process floor.
                var hops = items.Where(item => item.Pid != self).Select(item => item.Ms * 1000).ToList();
                var stays = items.Where(item => item.Pid == self).Select(item => item.Ms * 1000).ToList();
                if (hops.Count > 0)
                    remote[strategy].Add(Percentiles.Of(hops, 50));
                if (stays.Count > 0)
                    local[strategy].Add(Percentiles.Of(stays, 50));
            }
        }

        var floor = Percentiles.Of(local["sequential"], 50);
        Console.WriteLine();
        Console.WriteLine(Invariant($"### Per-item dispatch: {DispatchItems:N0} items of n = 0…{DispatchItems - 1} (a no-op kernel), untraced, from one coordinating replica; median item duration per round, then the median of rounds"));
        Console.WriteLine();
        Console.WriteLine("| strategy | µs per item, served by another process | µs per item, served in the coordinator | other process × the in-process floor |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var strategy in strategies)
        {
            var hop = remote[strategy].Count > 0 ? Percentiles.Of(remote[strategy], 50) : (double?)null;
            Console.WriteLine(Invariant($"| {Label(strategy)} | {Range(remote[strategy])} | {Range(local[strategy])} | {(hop is { } us ? (us / floor).ToString("0", CultureInfo.InvariantCulture) : "")} |"));
        }
    }

    private static string Range(List<double> values) =>
        values.Count == 0 ? "" : Invariant($"{Percentiles.Of(values, 50):0.0} [{values.Min():0.0}–{values.Max():0.0}]");

    private static string Label(string strategy) => strategy switch
    {
        "sequential" => "sequential (in-process: the floor)",
        "orleans" => "orleans (grain call to a silo)",
        "replicas" => "replicas (HTTP call to a replica)",
        _ => "processes (pipe to a worker process)",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
