using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// Runs a list of (strategy, settings) one after another, so they never compete for
/// the cores, and gathers them into a comparison. Stops at the first cancellation.
/// </summary>
public static class RunSeries
{
    public static async Task<ComparisonReport> RunAsync(
        string kind,
        string workload,
        object? request,
        IReadOnlyList<(IStrategy Strategy, StrategySettings Settings)> plan,
        Func<IStrategy, StrategySettings, Run> start,
        RunRegistry registry,
        CancellationToken cancellationToken)
    {
        var reports = new List<RunReport>();
        foreach (var (strategy, settings) in plan)
        {
            var run = start(strategy, settings);
            await using (cancellationToken.Register(run.Cancel))
                await run.Finished;
            reports.Add(registry.Report(run, includeTimeline: false));
            if (run.Status == RunStatus.Cancelled)
                break;
        }

        return ComparisonReport.From(kind, workload, request, reports);
    }
}
