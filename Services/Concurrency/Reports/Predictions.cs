using System.Globalization;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// A compare's or sweep's predictions: each strategy's model (IStrategy.PredictMs) fed with
/// the sequential run's items (a sweep's: a short sequential probe's): their mean time,
/// each item's own time where the sequential run's timeline has it (a wave lasts as long as
/// its slowest item), and the on-CPU part; the cores, the pool's size when each run began,
/// and each strategy's recent start-up and dispatch per item (a pipe or HTTP round trip).
/// Then predicted against measured, with the limiter's figures where they part by more than 25 %.
/// </summary>
public static class Predictions
{
    /// <summary>A prediction further than this from the measure is explained.</summary>
    public const double Gap = 0.25;

    /// <summary>Each run's predicted wall time and speedup, in order; all null without a sequential run or probe.</summary>
    /// <param name="probe">A sequential probe's run, where the series has no sequential run of its own (a sweep).</param>
    public static IReadOnlyList<Predicted?> For(IReadOnlyList<RunReport> runs, IReadOnlyList<IStrategy>? strategies, WorkerCosts costs,
        RunReport? probe = null)
    {
        if (strategies is null || Baseline(runs, probe) is not { } baseline)
            return [.. runs.Select(_ => (Predicted?)null)];
        return [.. runs.Select(run =>
        {
            var ms = strategies.FirstOrDefault(strategy => strategy.Name == run.Strategy)?.PredictMs(new PredictionInputs(
                run.Items, run.Workers, run.MaxConcurrency, baseline.ItemMs, baseline.ItemCpuMs, Environment.ProcessorCount,
                run.ThreadPoolThreads.Min, costs.StartupOf(run.Strategy), costs.DispatchOf(run.Strategy),
                baseline.ItemTimesMs, OnTheWire(run)));
            // The speedup over the same items one after another, as the sequential run (or probe) took them.
            return ms is > 0 ? new Predicted(Math.Round(ms.Value, 1), Math.Round(run.Items * baseline.ItemMs / ms.Value, 2)) : null;
        })];
    }

    /// <summary>The verdict's sentence: predicted against measured for every run with a prediction.</summary>
    public static string? Sentence(IReadOnlyList<RunReport> runs, IReadOnlyList<Predicted?> predicted, RunReport? probe = null)
    {
        if (Baseline(runs, probe) is not { } baseline || predicted.All(prediction => prediction is null))
            return null;
        var parts = runs.Zip(predicted).Where(pair => pair.Second is not null).Select(pair =>
        {
            var (run, ms, speedup) = (pair.First, pair.Second!.Ms, pair.Second.Speedup);
            var off = (run.WallMs - ms) / ms;
            var text = Invariant($"{RunLabel.Of(run)} predicted {Durations.Readable(ms)} ({speedup:0.0#}×), measured {Durations.Readable(run.WallMs)} ({off:+0%;-0%;0%})");
            return Math.Abs(off) > Gap && run.Limiter is { } limiter ? text + $" — {limiter.Name}: {limiter.Because.TrimEnd('.')}" : text;
        });
        var source = baseline.FromProbe ? Invariant($"a sequential probe of {probe!.Items} items") : "the sequential run's items";
        return Invariant($"Predicted against measured (from {source}: {baseline.ItemMs:0.#} ms each, {baseline.ItemCpuMs:0.#} ms of it on CPU; {Environment.ProcessorCount} cores): ")
            + string.Join("; ", parts) + ".";
    }

    private static (double ItemMs, double ItemCpuMs, IReadOnlyList<double>? ItemTimesMs, bool FromProbe)? Baseline(IReadOnlyList<RunReport> runs, RunReport? probe)
    {
        var sequential = runs.FirstOrDefault(IsBaseline);
        var fromProbe = sequential is null && probe is not null && IsBaseline(probe);
        var baseline = sequential ?? (fromProbe ? probe : null);
        if (baseline is null)
            return null;
        var itemMs = baseline.WallMs / baseline.Items;
        // The on-CPU share the item's own thread measured, else the run's CPU over its wall time.
        var cpuShare = baseline.TimeSplit is { OffCpuShare: { } offCpu } ? 1 - offCpu : Math.Min(baseline.CpuMs / baseline.WallMs, 1);
        // A probe's items are not the series' items: only their mean carries over.
        return (itemMs, itemMs * cpuShare, fromProbe ? null : ItemTimes(baseline), fromProbe);
    }

    // The client's connections and the server's MaxConcurrent both cap what is on the wire at once.
    private static int? OnTheWire(RunReport run) =>
        (run.MaxConnections, run.ServerMaxConcurrent) switch
        {
            ({ } client, { } server) => Math.Min(client, server),
            (var client, var server) => client ?? server,
        };

    private static bool IsBaseline(RunReport run) => run.Strategy == StrategyNames.Sequential && run.Status == "completed" && run.Items > 0;

    // Each item's own time, by index, where the sequential run's timeline holds every item.
    private static IReadOnlyList<double>? ItemTimes(RunReport sequential)
    {
        if (sequential.Timeline is not { } timeline || sequential.TimelineTruncated || timeline.Count != sequential.Items)
            return null;
        var times = new double[sequential.Items];
        foreach (var entry in timeline)
        {
            if (entry.Index < 0 || entry.Index >= times.Length)
                return null;
            times[entry.Index] = entry.DurationMs;
        }

        return times;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>A strategy's predicted wall time, and its speedup over the same items taken one after another.</summary>
public sealed record Predicted(double Ms, double Speedup);
