using System.Globalization;
using System.Text.Json;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The explain issue's target: each strategy's predicted wall time against its measured
/// median, in the lab as users run it (the AppHost's launch profile, dashboard on), at the
/// study's settings and at 100× CPU sizes. Each prediction and its measurement come from
/// the same compare, so the ratio holds on this shared machine; no other floor applies.
/// </summary>
public static class PredictionBench
{
    // Within this share of the measured median, for the strategies the issue names.
    private const double Target = 0.25;
    private static readonly string[] Targeted = ["sequential", "threads", "async", "gil", "replicas"];

    public static async Task<int> RunAsync(int rounds)
    {
        await using var lab = await LabAppHost.StartAsync();
        using var api = new HttpClient { BaseAddress = LabAppHost.Gateway, Timeout = TimeSpan.FromMinutes(30) };
        Console.WriteLine(Invariant($"Predicted against measured: `dotnet run --project AppHost`'s launch profile, dashboard on; {Environment.ProcessorCount} cores; medians [min–max] over the rounds"));
        var held = 0;
        var asked = 0;
        foreach (var (title, path, body) in Compares(rounds))
        {
            var compare = await CpuStudy.PostAsync(api, path, body);
            Console.WriteLine();
            Console.WriteLine($"### {title}");
            Console.WriteLine();
            Console.WriteLine("| strategy | predicted | measured | off by | target |");
            Console.WriteLine("|---|---:|---:|---:|---|");
            foreach (var row in compare.GetProperty("rows").EnumerateArray())
            {
                var strategy = row.GetProperty("strategy").GetString()!;
                var measured = row.GetProperty("wallMs").GetDouble();
                var predicted = row.GetProperty("predictedMs") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble() : (double?)null;
                var off = predicted is { } ms ? (measured - ms) / ms : (double?)null;
                var targeted = Targeted.Contains(strategy);
                var holds = off is { } gap && Math.Abs(gap) <= Target;
                asked += targeted ? 1 : 0;
                held += targeted && holds ? 1 : 0;
                Console.WriteLine(Invariant(
                    $"| {strategy} ({row.GetProperty("workers").GetInt32()}) | {Ms(predicted)} | {Ms(measured)} [{Ms(row.GetProperty("wallMsMin").GetDouble())}–{Ms(row.GetProperty("wallMsMax").GetDouble())}] | {(off is { } o ? o.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "")} | {(targeted ? holds ? "within 25 %: held" : "within 25 %: MISSED" : "recorded")} |"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Within 25 % for sequential, threads, async, gil and replicas: {held} of {asked}."));
        return 0;
    }

    private static IEnumerable<(string Title, string Path, object Body)> Compares(int rounds) =>
    [
        ("IO at the study's settings (profile=seed: 160 downloads of about 290 ms)", "/io/compare", new { profile = "seed", rounds = Math.Min(rounds, 3) }),
        ("CPU at the study's sizes (start 5,000,000, count 20)", "/cpu/compare", new { start = 5_000_000, count = 20, rounds }),
        ("CPU at 100× sizes (start 500,000,000, count 20)", "/cpu/compare", new { start = 500_000_000, count = 20, rounds = Math.Min(rounds, 5) }),
    ];

    private static string Ms(double? ms) => ms switch
    {
        null => "",
        >= 1_000 => Invariant($"{ms / 1000:0.00} s"),
        _ => Invariant($"{ms:0.0} ms"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
