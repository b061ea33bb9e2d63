using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>Builds a compare's or sweep's report from its runs: medians, ranges, speedups, the verdict.</summary>
public static class Comparisons
{
    /// <summary>One round: each entry measured once.</summary>
    public static ComparisonReport From(string kind, string workload, object? request, IReadOnlyList<RunReport> runs) =>
        From(kind, workload, request, runs.Select(run => (IReadOnlyList<RunReport>)[run]).ToList());

    /// <summary>Each entry's runs, one per round, in round order.</summary>
    /// <param name="strategies">The runner's strategies, whose lessons the verdict uses and whose models predict.</param>
    /// <param name="costs">Each strategy's start-up and dispatch as the runner measured them before the series, for predictions.</param>
    /// <param name="probe">A short sequential run before a series that has none of its own (a sweep), for predictions.</param>
    public static ComparisonReport From(string kind, string workload, object? request, IReadOnlyList<IReadOnlyList<RunReport>> entries,
        IReadOnlyList<IStrategy>? strategies = null, WorkerCosts? costs = null, RunReport? probe = null)
    {
        // Speedup is measured against the sequential run of the same round, where the series has one.
        var sequential = entries.FirstOrDefault(runs => runs[0].Strategy == StrategyNames.Sequential);
        var rows = entries.Select(runs => Row(runs, sequential)).ToList();
        var all = entries.SelectMany(runs => runs).ToList();
        var status = all.All(run => run.Status == "completed") ? "completed"
            : all.Any(run => run.Status == "cancelled") ? "cancelled" : "failed";
        var representatives = entries.Zip(rows, (runs, row) => runs.First(run => run.Id == row.RunId) with { WallMs = row.WallMs }).ToList();
        var predictions = Predictions.For(representatives, strategies, costs ?? WorkerCosts.None, probe);
        rows = [.. rows.Zip(predictions, (row, predicted) => row with { PredictedMs = predicted?.Ms, PredictedSpeedup = predicted?.Speedup })];
        var spreads = rows.Where(row => row.Rounds > 1).ToDictionary(row => row.RunId, row => new Spread(row.WallMs, row.WallMsMin, row.WallMsMax));
        var verdict = Reports.Verdict.Write(representatives, spreads, entries.Max(runs => runs.Count), strategies);
        if (Limiters.Sentence(representatives) is { } limits)
            verdict = [.. verdict, limits];
        if (Predictions.Sentence(representatives, predictions, probe) is { } predicted)
            verdict = [.. verdict, predicted];
        var scaling = kind == "sweep" ? SweepScaling.Fit(workload, representatives, rows) : null;
        if (scaling is not null)
            verdict = [.. verdict, SweepScaling.Sentence(scaling)];
        return new ComparisonReport(kind, workload, status, request, rows, verdict, scaling,
            Id: Guid.NewGuid().ToString("N")[..12], StartedAt: all.Count > 0 ? all.Min(run => run.StartedAt) : null);
    }

    // The row shows the median wall time over its rounds, and the run nearest that median
    // (its figures, its trace).
    private static ComparisonRow Row(IReadOnlyList<RunReport> runs, IReadOnlyList<RunReport>? sequential)
    {
        var completed = runs.Where(run => run.Status == "completed").ToList();
        var measured = completed.Count > 0 ? completed : runs.ToList();
        var wall = Spread.Of(measured.Select(run => run.WallMs).ToList());
        var run = measured.MinBy(candidate => Math.Abs(candidate.WallMs - wall.Median))!;
        // Each round's run against the sequential run of the same round.
        var speedups = runs.Select((candidate, round) => measured.Contains(candidate) ? SpeedupOver(sequential, round, candidate) : null)
            .OfType<double>().ToList();
        var speedup = speedups.Count > 0 ? Spread.Of(speedups) : null;
        return new ComparisonRow(
            run.Strategy, run.Workers, run.MaxConcurrency, run.Status, wall.Median, run.IdealMs,
            wall.Median > 0 ? Math.Round(run.IdealMs / wall.Median, 4) : 0,
            speedup?.Median, run.PeakInFlight, run.CpuMs, run.Bound, run.Succeeded, run.Failed, run.StartupMs,
            run.ThreadPoolThreads.Max, run.Id, run.TraceId,
            runs.Count, wall.Min, wall.Max, speedup?.Min, speedup?.Max, run.TimeSplit?.OffCpuShare, run.Limiter?.Name,
            RoundWallMs: [.. measured.Select(candidate => candidate.WallMs)]);
    }

    private static double? SpeedupOver(IReadOnlyList<RunReport>? sequential, int round, RunReport run) =>
        sequential is not null && round < sequential.Count && sequential[round] is { Status: "completed" } baseline && run.WallMs > 0
            ? Math.Round(baseline.WallMs / run.WallMs, 3)
            : null;
}
