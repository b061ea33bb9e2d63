using System.Globalization;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// Faster, slower or no change: a bootstrap 95 % interval of the change in mean wall time,
/// from each side's rounds. The resampling is seeded, so the same rounds give the same
/// verdict. A change is called only when the interval excludes zero and the mean moved by
/// at least the smallest change asked for (default DefaultMinChange): on a shared machine
/// the same compare moves by a few percent from one lab start to the next, and waits on a
/// timer vary so little that such a shift is "significant" and still means nothing. With
/// fewer than three rounds on a side it cannot tell, and says so.
/// </summary>
public static class ChangeVerdict
{
    public const int MinRounds = 3;

    /// <summary>The smallest relative change in mean wall time called faster or slower, unless the request asks for another (?minChange=, in percent).</summary>
    public const double DefaultMinChange = 0.10;
    private const int Resamples = 10_000;
    private const int Seed = 20261127;

    public static StrategyChange Of(string strategy, int workers, IReadOnlyList<double> baseline, IReadOnlyList<double> current,
        double minChange = DefaultMinChange)
    {
        var change = current.Average() / baseline.Average() - 1;
        var (baselineMs, currentMs) = (Spread.Of(baseline).Median, Spread.Of(current).Median);
        if (baseline.Count < MinRounds || current.Count < MinRounds)
            return new(strategy, workers, baselineMs, currentMs, Math.Round(change, 4), null, null, baseline.Count, current.Count, ChangeVerdicts.CannotTell);

        var (low, high) = Interval(baseline, current);
        var large = Math.Abs(change) >= minChange;
        var verdict = high < 0 && large ? ChangeVerdicts.Faster : low > 0 && large ? ChangeVerdicts.Slower : ChangeVerdicts.NoChange;
        return new(strategy, workers, baselineMs, currentMs, Math.Round(change, 4), Math.Round(low, 3), Math.Round(high, 3),
            baseline.Count, current.Count, verdict);
    }

    /// <summary>The sentence: each strategy's verdict with its effect and interval.</summary>
    public static string Sentence(string baselineId, IReadOnlyList<StrategyChange> rows)
    {
        if (rows.Count == 0)
            return $"Against baseline {baselineId}: no strategy and worker count is on both sides.";
        var parts = rows.Select(row => row.Verdict == ChangeVerdicts.CannotTell
            ? Invariant($"{Label(row)} cannot tell: rounds ≥ {MinRounds} on both sides are needed (baseline {row.BaselineRounds}, this {row.CurrentRounds}); {Durations.Readable(row.BaselineMs)} then {Durations.Readable(row.CurrentMs)}")
            : Invariant($"{Label(row)} {row.Verdict} ({row.Change:+0.0%;-0.0%;0.0%}: {Durations.Readable(row.BaselineMs)} then {Durations.Readable(row.CurrentMs)}; 95 % interval of the change {row.DiffLowMs:+0.#;-0.#;0} to {row.DiffHighMs:+0.#;-0.#;0} ms)"));
        return $"Against baseline {baselineId}: " + string.Join("; ", parts) + ".";
    }

    // Resamples each side with replacement and takes the 2.5th and 97.5th percentiles of the difference in means.
    private static (double Low, double High) Interval(IReadOnlyList<double> baseline, IReadOnlyList<double> current)
    {
        var random = new Random(Seed);
        var differences = new double[Resamples];
        for (var i = 0; i < Resamples; i++)
            differences[i] = ResampledMean(current, random) - ResampledMean(baseline, random);
        Array.Sort(differences);
        return (differences[(int)(0.025 * Resamples)], differences[(int)(0.975 * Resamples) - 1]);
    }

    private static double ResampledMean(IReadOnlyList<double> values, Random random)
    {
        var sum = 0.0;
        for (var i = 0; i < values.Count; i++)
            sum += values[random.Next(values.Count)];
        return sum / values.Count;
    }

    private static string Label(StrategyChange row) => row.Workers > 1 ? $"{row.Strategy} ({row.Workers})" : row.Strategy;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
