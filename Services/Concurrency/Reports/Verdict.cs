using System.Globalization;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// A few plain sentences computed from a compare's or a sweep's measurements: is the work
/// IO- or CPU-bound, which run won and by how much, how far each is from its ideal, and
/// why a loser lost where the data shows it. Nothing here is canned: each sentence is
/// written only when the figures it cites say so.
/// </summary>
public static class Verdict
{
    // With one round, a run within this share of the winner's time counts as a tie.
    internal const double Tie = 0.05;

    /// <param name="runs">Each entry's run, its wallMs the median over its rounds.</param>
    /// <param name="spreads">Wall-time spread by run id, for entries measured over several rounds.</param>
    /// <param name="rounds">How many times each entry was measured.</param>
    /// <param name="strategies">The runner's strategies, whose lessons explain their losses.</param>
    public static IReadOnlyList<string> Write(IReadOnlyList<RunReport> runs, IReadOnlyDictionary<string, Spread>? spreads = null, int rounds = 1,
        IReadOnlyList<IStrategy>? strategies = null)
    {
        var completed = runs.Where(run => run.Status == "completed" && run.WallMs > 0).ToList();
        if (completed.Count == 0)
            return ["No run completed, so there is nothing to compare."];

        spreads ??= new Dictionary<string, Spread>();
        bool Tied(RunReport run, RunReport winner) =>
            spreads.TryGetValue(run.Id, out var range) && spreads.TryGetValue(winner.Id, out var best)
                ? range.Overlaps(best)
                : run.WallMs <= winner.WallMs * (1 + Tie);

        var sentences = new List<string> { Bound(completed) };
        var winner = completed.MinBy(run => run.WallMs)!;
        var baseline = completed.FirstOrDefault(run => run.Strategy == StrategyNames.Sequential) ?? completed.MaxBy(run => run.WallMs)!;
        sentences.Add(Winner(winner, baseline, completed.Where(run => run != winner && Tied(run, winner)).ToList(), spreads.Count > 0));
        sentences.Add(Rounds(spreads, rounds));
        var cold = completed.Where(run => run.MeasuredCold).Select(Label).ToList();
        if (cold.Count > 0)
            sentences.Add($"Measured cold: {string.Join(", ", cold)} (the first run of its strategy in this process: JIT compilation and first connections are in its time).");
        var shared = completed.Where(run => run.OverlappingRuns > 0).ToList();
        if (shared.Count > 0)
            sentences.Add($"cpuMs is shared: other runs ran in the same process at the same time as {string.Join(", ", shared.Select(run => Invariant($"{Label(run)} ({run.OverlappingRuns})")))}; ownCpuMs, where a run has threads or processes of its own, counts its CPU alone (and its bound is read from it).");
        sentences.Add("Against the ideal (" + string.Join(", ", completed.Select(run => $"{Label(run)} {Percent(run.Efficiency)}")) + ").");
        if (OutsideWorkers(completed) is { } outside)
            sentences.Add(outside);
        foreach (var loser in completed.Where(run => run != winner && !Tied(run, winner)))
        {
            var strategy = strategies?.FirstOrDefault(candidate => candidate.Name == loser.Strategy);
            if (WhyItLost(loser, winner, completed.FirstOrDefault(run => run.Strategy == StrategyNames.Sequential), strategy) is { } reason)
                sentences.Add(reason);
        }

        var failed = runs.Where(run => run.Failed > 0).ToList();
        if (failed.Count > 0)
            sentences.Add("Failures: " + string.Join("; ", failed.Select(run => $"{Label(run)} {run.Failed} of {run.Items} ({string.Join(", ", run.Errors.Select(e => $"{e.Key} {e.Value}"))})")) + ".");
        return sentences;
    }

    // The sequential run says it best: one worker, so CPU time over wall time is the share
    // of the time the work computed rather than waited.
    private static string Bound(List<RunReport> runs)
    {
        var reference = runs.FirstOrDefault(run => run.Strategy == StrategyNames.Sequential) ?? runs[0];
        var busy = reference.CpuMs / reference.WallMs;
        var what = reference.Bound switch
        {
            "io" => "IO-bound: it mostly waits, so overlapping the waits (threads, async) pays",
            "cpu" => "CPU-bound: it computes, so only more cores (threads without a lock, processes, replicas, silos) pay",
            _ => "mixed: it both waits and computes",
        };
        return Invariant($"The work is {what} — the {Label(reference)} run kept {busy:0.00} cores busy (cpuMs {reference.CpuMs:0} / wallMs {reference.WallMs:0}).");
    }

    private static string Winner(RunReport winner, RunReport baseline, List<RunReport> tied, bool byRange)
    {
        var how = byRange ? "their ranges over the rounds overlap" : Invariant($"within {Tie:0%}, one round each");
        var tie = tied.Count > 0 ? $", tied with {string.Join(", ", tied.Select(Label))} ({how})" : "";
        return winner == baseline
            ? Invariant($"{Label(winner)} was fastest at {Durations.Readable(winner.WallMs)}{tie}: no concurrency model beat it here.")
            : Invariant($"{Label(winner)} won: {Durations.Readable(winner.WallMs)}, {baseline.WallMs / winner.WallMs:0.0}× faster than {Label(baseline)} ({Durations.Readable(baseline.WallMs)}){tie}.");
    }

    // How many rounds the figures stand on, and what a tie means then.
    private static string Rounds(IReadOnlyDictionary<string, Spread> spreads, int rounds)
    {
        if (spreads.Count == 0 || rounds < 2)
            return "Each run was measured once: on a shared machine one figure can be noise; ask for rounds (up to 10) to see each figure's spread.";
        var widest = spreads.Values.MaxBy(spread => spread.Max / spread.Min)!;
        return Invariant($"Figures are medians over {rounds} rounds, with their min–max; a run whose range overlaps the winner's is a tie. The widest range was {Durations.Readable(widest.Min)}–{Durations.Readable(widest.Max)}.");
    }

    private static string? WhyItLost(RunReport loser, RunReport winner, RunReport? sequential, IStrategy? strategy)
    {
        var slower = Invariant($"{Label(loser)} took {Durations.Readable(loser.WallMs)} ({loser.WallMs / winner.WallMs:0.0}× the winner)");
        if (loser.StartupMs is { } startup && startup > 0.1 * loser.WallMs)
            return Invariant($"{slower}: starting its worker processes took {startup:0} ms, {startup / loser.WallMs:0%} of its time.");
        // The strategy's own lesson first: it knows what its kind of loss looks like.
        if (strategy?.Lesson(loser, sequential) is { } lesson)
            return $"{slower}: {lesson}";
        if (loser.PeakInFlight < winner.PeakInFlight && loser.Bound == "io")
            return Invariant($"{slower}: it overlapped at most {loser.PeakInFlight} waits where {Label(winner)} overlapped {winner.PeakInFlight}.");
        if (loser.LatencyMs is { } latency && winner.LatencyMs is { } best && latency.P50 > 1.5 * best.P50)
            return Invariant($"{slower}: its items took longer each (p50 {latency.P50:0} ms against {best.P50:0} ms) — the server or the cores were saturated.");
        if (loser.Efficiency < 0.5)
            return Invariant($"{slower}, {Percent(loser.Efficiency)} of its ideal.");
        return null;
    }

    // Worker processes, replicas and silos each cost a dispatch per item and a start-up per run:
    // side by side, that is what separates them when the cores are the same.
    private static string? OutsideWorkers(List<RunReport> runs)
    {
        var outside = runs.Where(run => run.DispatchMs is not null).OrderBy(run => run.DispatchMs).ToList();
        if (outside.Count == 0)
            return null;
        return "Workers outside the runner, per item and per run: " + string.Join("; ", outside.Select(run =>
        {
            var spread = run.WorkersUsed.Where(worker => worker.Items > 0).Select(worker => worker.Items).OrderDescending().ToList();
            var startup = run.StartupMs is { } ms ? Invariant($", start-up {ms:0.#} ms{StartupNote(run.Strategy)}") : "";
            return Invariant($"{Label(run)} {run.DispatchMs:0.###} ms dispatch{startup}, items {string.Join("/", spread)} over {spread.Count} worker(s)");
        })) + ".";
    }

    private static string StartupNote(string strategy) => strategy switch
    {
        StrategyNames.Orleans => " (its silos were already running)",
        StrategyNames.Replicas => " (connections to the running replicas)",
        StrategyNames.Processes => " (worker processes started cold)",
        _ => "",
    };

    private static string Label(RunReport run) => RunLabel.Of(run);

    private static string Percent(double share) => Invariant($"{share * 100:0}%");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
