using System.Globalization;
using System.Text;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>Reports as aligned text tables (Accept: text/plain or ?format=text).</summary>
public static class ReportText
{
    public static string Run(RunReport run)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"run {run.Id}: {run.Workload} / {run.Strategy}, {run.Status}, {run.Progress.Done}/{run.Progress.Total} items"));
        var table = new TextTable("measure", "value")
            .Add("workers", Invariant($"{run.Workers}"))
            .Add("wall ms", Number(run.WallMs))
            .Add("ideal ms", Number(run.IdealMs))
            .Add("efficiency", Percent(run.Efficiency))
            .Add("cpu ms", Number(run.CpuMs))
            .Add("own cpu ms", run.OwnCpuMs is { } own ? Number(own) : "(shared threads)")
            .Add("bound", run.Bound)
            .Add("measured cold", run.MeasuredCold ? "yes (first run of its strategy here)" : "no")
            .Add("overlapping runs", Invariant($"{run.OverlappingRuns}"))
            .Add("peak in flight", Invariant($"{run.PeakInFlight}"))
            .Add("succeeded", Invariant($"{run.Succeeded}"))
            .Add("failed", Invariant($"{run.Failed}"));
        if (run.LatencyMs is { } latency)
        {
            table.Add("item ms p50", Number(latency.P50)).Add("item ms p90", Number(latency.P90))
                .Add("item ms p99", Number(latency.P99)).Add("item ms max", Number(latency.Max));
        }

        if (run.StartupMs is { } startup)
            table.Add("process start-up ms", Number(startup));
        table.Add("pool threads min-max", Invariant($"{run.ThreadPoolThreads.Min}-{run.ThreadPoolThreads.Max}"));
        if (run.Bytes is { } bytes)
            table.Add("bytes", Invariant($"{bytes:N0}"));
        foreach (var (reason, count) in run.Errors)
            table.Add($"error {reason}", Invariant($"{count}"));
        text.Append(table);
        if (run.TimeSplit is { } split)
            text.AppendLine("item time: " + split.Describe());
        if (run.Limiter is { } limiter)
            text.AppendLine($"limited by {limiter.Name}: {limiter.Because}");
        if (run.TraceId is not null)
            text.AppendLine(Invariant($"trace {run.TraceId}: {run.Tracing?.Describe()}"));
        if (run.Change is { } change)
            text.AppendLine(change.Sentence);
        return text.ToString();
    }

    public static string Comparison(ComparisonReport report)
    {
        // With rounds, wall time and speedup are medians, each with its min–max.
        var table = new TextTable("strategy", "workers", "status", "wall ms", "wall min-max", "predicted ms", "ideal ms", "efficiency", "speedup", "speedup min-max", "peak", "cpu ms", "bound", "off-cpu", "limiter", "failed", "startup ms", "pool max");
        foreach (var row in report.Rows)
        {
            table.Add(row.Strategy, Invariant($"{row.MaxConcurrency ?? row.Workers}"), row.Status, Number(row.WallMs),
                row.Rounds > 1 ? $"{Number(row.WallMsMin)}-{Number(row.WallMsMax)}" : "", row.PredictedMs is { } predicted ? Number(predicted) : "", Number(row.IdealMs),
                Percent(row.Efficiency), row.Speedup is { } speedup ? Invariant($"{speedup:0.00}x") : "",
                row is { Rounds: > 1, SpeedupMin: { } low, SpeedupMax: { } high } ? Invariant($"{low:0.00}-{high:0.00}x") : "", Invariant($"{row.PeakInFlight}"),
                Number(row.CpuMs), row.Bound, row.OffCpuShare is { } offCpu ? Percent(offCpu) : "n/a", row.Limiter ?? "", Invariant($"{row.Failed}"), row.StartupMs is { } ms ? Number(ms) : "",
                Invariant($"{row.ThreadPoolThreadsMax}"));
        }

        var verdict = string.Join('\n', report.Verdict.Select(sentence => "- " + sentence));
        var rounds = report.Rows.Count > 0 ? report.Rows.Max(row => row.Rounds) : 0;
        return Invariant($"{report.Kind}: {report.Workload}, {report.Status}, {rounds} round(s) each\n") + table
            + (report.Scaling is { } scaling ? Scaling(scaling) : "") + "\nverdict:\n" + verdict + "\n";
    }

    // Measured throughput beside the fitted law's, and Little's law's where it applies.
    private static string Scaling(ScalingFit fit)
    {
        var table = new TextTable("workers", "measured items/s", "USL fit items/s", "Little's law items/s");
        foreach (var point in fit.Points)
        {
            table.Add(Invariant($"{point.Workers}"), point.MeasuredPerSecond is { } measured ? Number(measured) : "", Number(point.FittedPerSecond),
                point.LittlePerSecond is { } little ? Number(little) : "");
        }

        var peak = fit.PeakWorkers is { } workers ? Invariant($"peak at {workers:0.#} workers") : "no peak (never falls)";
        return Invariant($"\nscaling: USL λ = {fit.Lambda:0.###} items/s, σ = {fit.Sigma:0.####}, κ = {fit.Kappa:0.######}; {peak}; knee {fit.KneeWorkers?.ToString(CultureInfo.InvariantCulture) ?? "none"}; measured best {fit.BestWorkers}\n") + table;
    }

    private static string Number(double value) => value.ToString("#,0.0", CultureInfo.InvariantCulture);

    private static string Percent(double value) => (value * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
