using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>A runner's default worker count and cap for one kind of worker (threads, processes, replicas).</summary>
public sealed record WorkerLimit(int Default, int Max);

/// <summary>
/// The one place a strategy's settings are resolved from what a request asked, for runs,
/// compares and sweeps alike: by the strategy's WorkerRule and its kind's limit, never by
/// its name.
/// </summary>
public static class StrategySettingsResolver
{
    /// <param name="asked">The plan's settings; Workers 0 means none were asked.</param>
    /// <param name="sweepWorkers">A sweep's worker count for this run, where there is one.</param>
    /// <param name="limitFor">The runner's default and cap for a kind of worker.</param>
    public static StrategySettings Resolve(IStrategy strategy, StrategySettings asked, int? sweepWorkers, int items, Func<string, WorkerLimit> limitFor)
    {
        switch (strategy.Workers)
        {
            case WorkerRule.One:
                return asked with { Workers = 1, MaxConcurrency = null };
            case WorkerRule.EveryItem when sweepWorkers is { } count:
                return asked with { Workers = count, MaxConcurrency = count };
            case WorkerRule.EveryItem:
                return asked with { Workers = asked.MaxConcurrency ?? items };
            default:
                var limit = limitFor(strategy.WorkerKind);
                var wanted = sweepWorkers ?? (asked.Workers > 0 ? asked.Workers : limit.Default);
                return asked with { Workers = Math.Min(wanted, limit.Max), MaxConcurrency = null };
        }
    }
}
