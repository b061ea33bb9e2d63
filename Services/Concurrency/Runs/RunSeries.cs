using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// Runs a list of (strategy, settings) one after another, so they never compete for
/// the cores, and gathers them into a comparison. With several rounds the whole list runs
/// again each round, so a slow spell of the machine falls on every entry alike rather
/// than on one. Stops at the first cancellation.
/// </summary>
public static class RunSeries
{
    public static async Task<ComparisonReport> RunAsync(
        string kind,
        string workload,
        object? request,
        IReadOnlyList<(IStrategy Strategy, StrategySettings Settings)> plan,
        int rounds,
        Func<IStrategy, StrategySettings, Run> start,
        RunRegistry registry,
        CancellationToken cancellationToken,
        Func<Run>? probe = null)
    {
        var measured = plan.Select(_ => new List<RunReport>()).ToList();
        // Predictions use what the runner knew before the series: its workers' recent start-up and dispatch.
        var costsBefore = registry.Costs;
        var probed = probe is null ? null : await ProbeAsync(probe, registry, cancellationToken);
        var strategies = plan.Select(entry => entry.Strategy).Distinct().ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var entry = 0; entry < plan.Count; entry++)
            {
                var run = start(plan[entry].Strategy, plan[entry].Settings);
                await using (cancellationToken.Register(run.Cancel))
                    await run.Finished;
                // Stored before the next run starts: a compare that has answered has every run kept.
                await run.Saved;
                // The sequential run's timeline gives the predictions each item's own time.
                measured[entry].Add(registry.Report(run, includeTimeline: plan[entry].Strategy.Name == StrategyNames.Sequential));
                if (run.Status == RunStatus.Cancelled)
                    return Comparisons.From(kind, workload, request, measured.Where(runs => runs.Count > 0).ToList(), strategies, costsBefore, probed);
            }
        }

        return Comparisons.From(kind, workload, request, measured, strategies, costsBefore, probed);
    }

    // A short sequential run before a sweep, which has none of its own: its items' time feeds
    // the predictions. It is not a row, and leaves no run behind in the history.
    private static async Task<RunReport?> ProbeAsync(Func<Run> probe, RunRegistry registry, CancellationToken cancellationToken)
    {
        var run = probe();
        await using (cancellationToken.Register(run.Cancel))
            await run.Finished;
        var report = registry.Report(run, includeTimeline: false);
        await registry.ForgetAsync(run);
        return report;
    }
}
