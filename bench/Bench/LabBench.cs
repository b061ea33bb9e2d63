using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The lab as users run it (the AppHost's launch profile, dashboard on, fixed ports), each
/// figure next to a floor measured in the same run: IO async against a bare HttpClient
/// loop on the same SiteStub, SiteStub against a bare Kestrel endpoint of the same route
/// shape with the same client, the CPU kernel against C. Rounds interleave lab and floor,
/// so a slow spell of this shared machine falls on both.
/// </summary>
public static class LabBench
{
    private static readonly Uri SiteStub = new("http://localhost:5083");
    private const int FloorPort = 5190;

    // The floor is reached as SiteStub is, by the name users curl: the same loopback, IPv6 first here.
    private static Task<ServerProcess> StartFloorAsync() =>
        ServerProcess.StartAsync(Environment.ProcessPath!, FloorPort, arguments: ["floor-server"], host: SiteStub.Host);

    public static async Task<int> RunAsync(int rounds)
    {
        var cKernelMs = CpuStudy.RunCReference(50_000_000);
        await using var lab = await LabAppHost.StartAsync();
        await using var floor = await StartFloorAsync();
        using var api = new HttpClient { BaseAddress = LabAppHost.Gateway, Timeout = TimeSpan.FromMinutes(15) };
        PrintHeader("Lab bench: `dotnet run --project AppHost`'s launch profile, dashboard on", rounds);

        // IO async, the study's 160 downloads, and 10,000, against a bare loop.
        await RunWallAsync(api, new { strategy = "async", latencyMs = 100 });
        await BareLoopAsync(160, ["jython", "dice"]);
        var async160 = new List<double>();
        var bare160 = new List<double>();
        var async10k = new List<double>();
        var async10kOff = new List<double>();
        var bare10k = new List<double>();
        var cpu10k = new List<double>();
        var cpu10kOff = new List<double>();
        var traced = "";
        // Each section on its own, so no row is measured in the aftermath of another's 10,000 connections.
        for (var round = 0; round < rounds; round++)
        {
            async160.Add(await RunWallAsync(api, new { strategy = "async", latencyMs = 100 }));
            bare160.Add(await BareLoopAsync(160, ["jython", "dice"]));
        }

        // SiteStub's own overhead before the 10,000-download rounds: after them it would hold
        // IoRunner's pooled connections (idle for 30 s) and their garbage, the floor nothing.
        await SiteStubOverheadAsync(floor, rounds * SiteStubRoundsPerRound);

        for (var round = 0; round < rounds * TracingRoundsPerRound; round++)
        {
            // Two of each per round, in mirrored order (ABBA, which of the two leads
            // alternating by round): the pair's ratio then cancels a drift of the machine
            // within the round, and no side always runs in the other's wake. Their rounds
            // spread 0.7-1.7x, too wide for one pair a round to settle a 1.10x target.
            var (first, second) = round % 2 == 0 ? ("sampled", "off") : ("off", "sampled");
            double tracedWall = 0, tracedCpu = 0, offWall = 0, offCpu = 0;
            foreach (var tracing in new[] { first, second, second, first })
            {
                var cpuBefore = LabCpu();
                var report = await RunAsync(api, new { strategy = "async", latencyMs = 100, sites = new[] { "dice" }, repeat = 10_000, tracing });
                await Task.Delay(ExportSettles);
                var (wallMs, cpuMs) = (report.GetProperty("wallMs").GetDouble() / 2, (LabCpu() - cpuBefore) / 2);
                if (tracing == "off")
                    (offWall, offCpu) = (offWall + wallMs, offCpu + cpuMs);
                else
                    (tracedWall, tracedCpu, traced) = (tracedWall + wallMs, tracedCpu + cpuMs, report.GetProperty("tracing").ToString());
            }

            async10k.Add(tracedWall);
            async10kOff.Add(offWall);
            cpu10k.Add(tracedCpu);
            cpu10kOff.Add(offCpu);
            bare10k.Add(await BareLoopAsync(10_000, ["dice"]));
        }

        Row("IO async, 160 downloads at latencyMs=100 (ms)", async160, bare160, "lab ≤ 150 ms");
        Row(Invariant($"IO async, 10,000 downloads, mean of two a round, {async10k.Count} rounds (ms)"), async10k, bare10k, "≤ 1.3× the bare loop");
        Row(Invariant($"IO async, 10,000, default tracing against tracing off, mean of two each a round, {async10k.Count} rounds (ms)"), async10k, async10kOff, "≤ 1.10×");
        Row(Invariant($"IO async, 10,000: IoRunner + SiteStub + dashboard CPU, default tracing against off, exports and their intake included, {cpu10k.Count} rounds (ms)"), cpu10k, cpu10kOff, "(the observer effect in CPU, steadier than wall time here)");

        // IO processes: the study's pool of 2, against the same pool in Python, interleaved.
        var processes = new List<double>();
        var pythonPool = new List<double>();
        for (var round = 0; round < Math.Min(rounds, 5); round++)
        {
            processes.Add(await RunWallAsync(api, new { strategy = "processes", workers = 2, latencyMs = 100 }));
            if (PythonPool.DownloadMs(SiteStub, workers: 2, latencyMs: 100) is { } python)
                pythonPool.Add(python);
        }

        if (pythonPool.Count == processes.Count)
            Row("IO processes, 2 workers, 160 downloads at latencyMs=100, against a Python multiprocessing pool of 2 (ms)", processes, pythonPool, "≤ 8,400 ms (the issue's Python figure)");
        else
            Console.WriteLine(Invariant($"| IO processes, 2 workers, 160 downloads at latencyMs=100 (ms) | {Describe(processes)} | (no python3) | | ≤ 8,400 ms (the issue's Python figure) |"));

        // The CPU kernel against C, and the speedups at 100× sizes, as the compare reports them.
        using var cpu = new HttpClient { BaseAddress = LabAppHost.CpuRunner, Timeout = TimeSpan.FromMinutes(15) };
        var kernel = new List<double>();
        for (var i = 0; i < 9; i++)
            kernel.Add((await CpuStudy.PostAsync(cpu, "/cpu/work", new { n = 50_000_000 })).GetProperty("elapsedMs").GetDouble());
        Console.WriteLine(Invariant($"| CPU kernel, n = 50,000,000, best of 9 in a replica (ms) | {kernel.Min():0.0} | {cKernelMs:0.0} (C, gcc -O2) | {kernel.Min() / cKernelMs:0.00} | ≤ 1.5× C |"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"IO async 10,000, default tracing, last round: {traced}"));

        var compare = await CpuStudy.PostAsync(api, "/cpu/compare", new { start = 500_000_000, count = 20, workers = 2, rounds = Math.Min(rounds, 5) });
        Console.WriteLine();
        Console.WriteLine(Invariant($"CPU compare at 100× sizes (start 500,000,000, count 20, workers 2), {Math.Min(rounds, 5)} rounds, medians [min–max]:"));
        Console.WriteLine();
        Console.WriteLine("| strategy | wall s | speedup | cpu ms | start-up ms | target |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        foreach (var row in compare.GetProperty("rows").EnumerateArray())
        {
            var strategy = row.GetProperty("strategy").GetString()!;
            var target = strategy switch
            {
                "threads" => "≥ 1.8",
                "processes" or "replicas" => "≥ 1.7",
                "gil" or "async" => "≤ 1.15",
                _ => "",
            };
            Console.WriteLine(Invariant(
                $"| {strategy} | {row.GetProperty("wallMs").GetDouble() / 1000:0.000} [{row.GetProperty("wallMsMin").GetDouble() / 1000:0.000}–{row.GetProperty("wallMsMax").GetDouble() / 1000:0.000}] | {row.GetProperty("speedup").GetDouble():0.00} [{row.GetProperty("speedupMin").GetDouble():0.00}–{row.GetProperty("speedupMax").GetDouble():0.00}] | {row.GetProperty("cpuMs").GetDouble():0} | {(row.GetProperty("startupMs").ValueKind == JsonValueKind.Number ? row.GetProperty("startupMs").GetDouble().ToString("0", CultureInfo.InvariantCulture) : "")} | {target} |"));
        }

        Console.WriteLine();
        foreach (var sentence in compare.GetProperty("verdict").EnumerateArray())
            Console.WriteLine($"- {sentence.GetString()}");
        return 0;
    }

    /// <summary>
    /// The SiteStub row alone, against a lab already started with `dotnet run --project
    /// AppHost`: for trying a change to SiteStub without the whole bench.
    /// </summary>
    public static async Task<int> SiteStubRowAsync(int rounds)
    {
        await using var floor = await StartFloorAsync();
        PrintHeader("SiteStub row against the running lab (`dotnet run --project AppHost`, dashboard on)", rounds);
        await SiteStubOverheadAsync(floor, rounds);
        return 0;
    }

    // What was measured and how, then the head of the table every row prints into.
    private static void PrintHeader(string what, int rounds)
    {
        Console.WriteLine(Invariant($"{what}; {Environment.ProcessorCount} cores; {rounds} rounds, lab and floor interleaved; median [min–max]"));
        Console.WriteLine();
        Console.WriteLine("| measure | lab | floor | lab / floor, by round | target |");
        Console.WriteLine("|---|---:|---:|---:|---|");
    }

    // SiteStub's p99 overhead over its latency, 1,000 at once, against the bare endpoint, and
    // each server's CPU per request over those rounds. Its client (and its thousand idle
    // connections) is gone before the next measurement.
    private static async Task SiteStubOverheadAsync(ServerProcess floor, int rounds)
    {
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5) }) { Timeout = TimeSpan.FromSeconds(60) };
        await OverheadRoundAsync(client, SiteStub);
        await OverheadRoundAsync(client, floor.Address);
        var stubP99 = new List<double>();
        var floorP99 = new List<double>();
        double stubCpuMs = 0, floorCpuMs = 0;
        for (var round = 0; round < rounds; round++)
        {
            // Which of the two goes first alternates by round: neither always runs in the other's wake.
            if (round % 2 == 0)
                stubCpuMs += await StubRoundAsync();
            floorCpuMs += await FloorRoundAsync();
            if (round % 2 == 1)
                stubCpuMs += await StubRoundAsync();
        }

        async Task<double> StubRoundAsync()
        {
            var before = ProcessCpu.Milliseconds("SiteStub");
            stubP99.Add(Percentiles.Of(await OverheadRoundAsync(client, SiteStub), 99));
            return ProcessCpu.Milliseconds("SiteStub") - before;
        }

        async Task<double> FloorRoundAsync()
        {
            var before = floor.CpuTime();
            floorP99.Add(Percentiles.Of(await OverheadRoundAsync(client, floor.Address), 99));
            return (floor.CpuTime() - before).TotalMilliseconds;
        }

        var met = stubP99.Zip(floorP99, (mine, bare) => mine <= 1.25 * bare + 2).Count(holds => holds);
        Row(Invariant($"SiteStub p99 overhead, 1,000 concurrent, p99 of each round, {rounds} rounds (ms)"), stubP99, floorP99,
            Invariant($"≤ 1.25× the bare endpoint's + 2 ms: medians {Median(stubP99):0.0} against a bound of {1.25 * Median(floorP99) + 2:0.0}; held in {met} of {rounds} rounds"));
        var requests = rounds * (double)OverheadConcurrency;
        Console.WriteLine(Invariant($"| SiteStub CPU per request over those rounds, the server's process only (µs) | {stubCpuMs * 1000 / requests:0} | {floorCpuMs * 1000 / requests:0} | {stubCpuMs / floorCpuMs:0.00} | (what the tail pays for) |"));
    }

    // A SiteStub round takes a third of a second, and its p99 spreads 10x from one round to
    // the next on this machine (a pause anywhere delays all 1,000): six times the rounds, so
    // that the medians settle (at three, the median's own spread from run to run of the
    // bench was as wide as the target's margin).
    private const int SiteStubRoundsPerRound = 6;

    // The 10,000-download runs spread 0.7-1.5 s for the same request here: twice the rounds,
    // so that the median ratio's spread from one bench run to the next (0.04 at 15 rounds)
    // stays well inside the 1.10 target.
    private const int TracingRoundsPerRound = 2;

    // A run's spans leave in the next export, up to a second after it ends: its CPU is counted until then.
    private static readonly TimeSpan ExportSettles = TimeSpan.FromSeconds(2);

    // The dashboard too: taking a run's spans in costs it more CPU than making them costs the services.
    private static double LabCpu() =>
        ProcessCpu.Milliseconds("IoRunner", "SiteStub", "Aspire.Dashboard");

    private static async Task<JsonElement> RunAsync(HttpClient api, object body) =>
        await CpuStudy.PostAsync(api, "/io/runs?wait=true&timeline=false", body);

    private static async Task<double> RunWallAsync(HttpClient api, object body)
    {
        var report = await RunAsync(api, body);
        if (report.GetProperty("failed").GetInt32() > 0)
            throw new InvalidOperationException($"A lab run failed items: {report.GetProperty("errors")}");
        return report.GetProperty("wallMs").GetDouble();
    }

    // What async does, without the lab: a fresh client (so fresh connections, as each run
    // has), every download released at once, each body read to its end.
    private static async Task<double> BareLoopAsync(int count, string[] sites)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue }) { BaseAddress = SiteStub, Timeout = TimeSpan.FromSeconds(60) };
        var timer = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, count).Select(async index =>
        {
            var body = await client.GetByteArrayAsync($"/sites/{sites[index % sites.Length]}?latencyMs=100");
            if (body.Length == 0)
                throw new InvalidDataException("empty page");
        }));
        return timer.Elapsed.TotalMilliseconds;
    }

    private const int OverheadConcurrency = 1_000;

    // 1,000 GETs of the same route shape released at once; each one's time over its 100 ms latency.
    private static async Task<double[]> OverheadRoundAsync(HttpClient client, Uri server)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, OverheadConcurrency).Select(async _ =>
        {
            await start.Task;
            var began = Stopwatch.GetTimestamp();
            var body = await client.GetByteArrayAsync(new Uri(server, "/sites/dice?latencyMs=100"));
            if (body.Length != 512)
                throw new InvalidDataException($"expected 512 bytes, got {body.Length}");
            return Stopwatch.GetElapsedTime(began).TotalMilliseconds - 100;
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(requests);
    }

    // The ratio is taken round by round (each lab figure over the floor measured next to it),
    // then its median [min–max]: a slow spell of the machine falls on both sides of a pair.
    private static void Row(string measure, List<double> lab, List<double> floor, string target)
    {
        var ratios = lab.Zip(floor, (mine, bare) => mine / bare).ToList();
        Console.WriteLine(Invariant($"| {measure} | {Describe(lab)} | {Describe(floor)} | {Median(ratios):0.00} [{ratios.Min():0.00}–{ratios.Max():0.00}] | {target} |"));
    }

    private static string Describe(List<double> values) =>
        Invariant($"{Median(values):N0} [{values.Min():N0}–{values.Max():N0}]");

    private static double Median(List<double> values) => Percentiles.Of(values, 50);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
