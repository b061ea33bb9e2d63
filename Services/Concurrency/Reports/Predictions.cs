using System.Globalization;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// A compare's predictions: each strategy's model (IStrategy.PredictMs) fed with the
/// sequential run's items (their mean time, and the on-CPU part of it), the cores, the
/// pool's size when each run began, and the runner's last measured worker start-up and
/// per-item dispatch (a pipe or HTTP round trip), and each item's own time where the
/// sequential run's timeline has it (a wave lasts as long as its slowest item); then
/// predicted against measured, with the limiter's figures where they part by more than 25 %.
/// </summary>
public static class Predictions
{
    /// <summary>A prediction further than this from the measure is explained.</summary>
    public const double Gap = 0.25;

    /// <summary>Each run's predicted wall time, in order; all null without a completed sequential run.</summary>
    public static IReadOnlyList<double?> For(IReadOnlyList<RunReport> runs, IReadOnlyList<IStrategy>? strategies, WorkerCosts costs)
    {
        var none = runs.Select(_ => (double?)null).ToList();
        if (strategies is null || Baseline(runs) is not { } baseline)
            return none;
        return [.. runs.Select(run => strategies.FirstOrDefault(strategy => strategy.Name == run.Strategy)?.PredictMs(new PredictionInputs(
            run.Items, run.Workers, run.MaxConcurrency, baseline.ItemMs, baseline.ItemCpuMs, Environment.ProcessorCount,
            run.ThreadPoolThreads.Min, costs.StartupOf(run.Strategy), costs.DispatchOf(run.Strategy),
            baseline.ItemTimesMs, run.MaxConnections)) is { } ms ? Math.Round(ms, 1) : (double?)null)];
    }

    /// <summary>The verdict's sentence: predicted against measured for every run with a prediction.</summary>
    public static string? Sentence(IReadOnlyList<RunReport> runs, IReadOnlyList<double?> predicted)
    {
        if (Baseline(runs) is not { } baseline || predicted.All(ms => ms is null))
            return null;
        var parts = runs.Zip(predicted).Where(pair => pair.Second is not null).Select(pair =>
        {
            var (run, ms) = (pair.First, pair.Second!.Value);
            var off = (run.WallMs - ms) / ms;
            var text = Invariant($"{RunLabel.Of(run)} predicted {Durations.Readable(ms)}, measured {Durations.Readable(run.WallMs)} ({off:+0%;-0%;0%})");
            return Math.Abs(off) > Gap && run.Limiter is { } limiter ? text + $" — {limiter.Name}: {limiter.Because.TrimEnd('.')}" : text;
        });
        return Invariant($"Predicted against measured (from the sequential run's items: {baseline.ItemMs:0.#} ms each, {baseline.ItemCpuMs:0.#} ms of it on CPU; {Environment.ProcessorCount} cores): ")
            + string.Join("; ", parts) + ".";
    }

    private static (double ItemMs, double ItemCpuMs, IReadOnlyList<double>? ItemTimesMs)? Baseline(IReadOnlyList<RunReport> runs)
    {
        var sequential = runs.FirstOrDefault(run => run.Strategy == StrategyNames.Sequential && run.Status == "completed" && run.Items > 0);
        if (sequential is null)
            return null;
        var itemMs = sequential.WallMs / sequential.Items;
        // The on-CPU share the item's own thread measured, else the run's CPU over its wall time.
        var cpuShare = sequential.TimeSplit is { OffCpuShare: { } offCpu } ? 1 - offCpu : Math.Min(sequential.CpuMs / sequential.WallMs, 1);
        return (itemMs, itemMs * cpuShare, ItemTimes(sequential));
    }

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
