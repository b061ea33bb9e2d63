using System.Globalization;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// A sweep's scaling: its throughput at each worker count fitted to the Universal
/// Scalability Law, the measured best count with its ties, and for IO the line Little's
/// law allows (workers in flight / item time, with no queueing).
/// </summary>
public static class SweepScaling
{
    // A worker count within the verdict's tie share of the best's wall time ties with it, as
    // does one whose range over the rounds overlaps the best's: on a shared machine both are noise.
    private const int MaxCurvePoints = 100;

    /// <param name="runs">Each worker count's representative run, its wallMs the median over its rounds.</param>
    /// <param name="rows">The rows built from them, in the same order (their wall-time ranges).</param>
    public static ScalingFit? Fit(string workload, IReadOnlyList<RunReport> runs, IReadOnlyList<ComparisonRow> rows)
    {
        var measured = runs.Zip(rows)
            .Where(pair => pair.First.Status == "completed" && pair.Second.WallMs > 0)
            .Select(pair => (Run: pair.First, Row: pair.Second, PerSecond: pair.First.Items / (pair.Second.WallMs / 1000)))
            .OrderBy(point => point.Row.Workers)
            .ToList();
        if (ScalingLaw.Fit([.. measured.Select(point => ((double)point.Row.Workers, point.PerSecond))]) is not { } fit)
            return null;

        var best = measured.MaxBy(point => point.PerSecond);
        var tied = measured.Where(point => point.Row != best.Row && Tied(point.Row, best.Row)).Select(point => point.Row.Workers).ToList();
        // Little's law: with no queueing, N workers finish N items per item time.
        var itemMs = workload == "io" ? measured[0].Run.LatencyMs?.P50 : null;
        var items = measured[0].Run.Items;
        ScalingPoint Point(int workers, double? perSecond) => new(workers, perSecond, Round(fit.Throughput(workers)),
            itemMs is > 0 ? Round(workers * 1000 / itemMs.Value) : null, Round(items / fit.Throughput(workers) * 1000),
            itemMs is > 0 ? Round(items * itemMs.Value / workers) : null);

        var largest = measured[^1].Row.Workers * 2;
        var step = Math.Max(1, largest / MaxCurvePoints);
        var curve = Enumerable.Range(0, largest / step).Select(index => 1 + index * step).Append(largest).Distinct()
            .Select(workers => Point(workers, null)).ToList();
        return new ScalingFit(Round(fit.Lambda), Math.Round(fit.Sigma, 4), Math.Round(fit.Kappa, 6),
            fit.PeakWorkers is { } peak ? Math.Round(peak, 1) : null, ScalingLaw.KneeWorkers(fit), best.Row.Workers, tied,
            itemMs is > 0 ? Round(itemMs.Value) : null,
            [.. measured.Select(point => Point(point.Row.Workers, Round(point.PerSecond)))], curve);
    }

    /// <summary>The verdict's sentence on a sweep's scaling, citing the fit and the measured best.</summary>
    public static string Sentence(ScalingFit fit)
    {
        var text = Invariant($"Scaling (Universal Scalability Law fitted to {fit.Points.Count} worker counts): one worker does {fit.Lambda:0.##} items/s; contention σ = {fit.Sigma:0.####}, coherency κ = {fit.Kappa:0.######}. ");
        text += fit.PeakWorkers is { } peak
            ? Invariant($"The fitted curve peaks at {peak:0.#} workers")
            : fit.Sigma > 0 ? Invariant($"The fitted curve never falls; it approaches {fit.Lambda / fit.Sigma:0.#} items/s") : "The fitted curve rises in a straight line (nothing shared held it back)";
        text += fit.KneeWorkers is { } knee ? Invariant($" and reaches 90 % of that from {knee} workers. ") : ". ";
        var measuredBest = fit.Points.First(point => point.Workers == fit.BestWorkers);
        text += Invariant($"Measured best: {fit.BestWorkers} workers ({measuredBest.MeasuredPerSecond:0.#} items/s)");
        text += fit.TiedWithBest.Count > 0 ? Invariant($", tied with {string.Join(", ", fit.TiedWithBest)}.") : ".";
        if (fit.LittleItemMs is { } itemMs)
        {
            var last = fit.Points[^1];
            text += Invariant($" Little's law with the {fit.Points[0].Workers}-worker item time of {itemMs:0.#} ms allows {last.LittlePerSecond:0.#} items/s at {last.Workers} workers; measured {last.MeasuredPerSecond:0.#}.");
        }

        return text;
    }

    private static bool Tied(ComparisonRow row, ComparisonRow best) =>
        row.WallMs <= best.WallMs * (1 + Verdict.Tie)
        || (row.Rounds > 1 && best.Rounds > 1 && Range(row).Overlaps(Range(best)));

    private static Spread Range(ComparisonRow row) => new(row.WallMs, row.WallMsMin, row.WallMsMax);

    private static double Round(double value) => Math.Round(value, 3);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
