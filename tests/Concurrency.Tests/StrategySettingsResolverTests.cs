using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>Workers are resolved by each strategy's rule and its kind's limit, never by its name.</summary>
public sealed class StrategySettingsResolverTests
{
    // Threads: 5 by default up to 8; processes: 2 by default up to 3.
    private static WorkerLimit Limits(string kind) => kind == WorkerKinds.Process ? new WorkerLimit(2, 3) : new WorkerLimit(5, 8);

    public static TheoryData<IStrategy, int, int?, int> Cases => new()
    {
        { new SequentialStrategy(), 7, null, 1 },
        { new ThreadsStrategy("test"), 0, null, 5 },
        { new ThreadsStrategy("test"), 7, null, 7 },
        { new ThreadsStrategy("test"), 20, null, 8 },
        { new ThreadsStrategy("test"), 7, 3, 3 },
        { new ProcessesStrategy(), 0, null, 2 },
        { new ProcessesStrategy(), 10, null, 3 },
        { new AsyncStrategy(), 0, null, 100 },
        { new AsyncStrategy(), 0, 30, 30 },
        { new EventLoopStrategy(), 4, null, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void EachStrategyGetsItsRulesWorkers(IStrategy strategy, int asked, int? sweep, int expected)
    {
        var settings = StrategySettingsResolver.Resolve(strategy, new StrategySettings(asked), sweep, items: 100, Limits);

        Assert.Equal(expected, settings.Workers);
    }

    [Fact]
    public void AsyncTakesItsCapFromMaxConcurrencyOrTheSweep()
    {
        var capped = StrategySettingsResolver.Resolve(new AsyncStrategy(), new StrategySettings(0, MaxConcurrency: 40), null, 100, Limits);
        var swept = StrategySettingsResolver.Resolve(new AsyncStrategy(), new StrategySettings(0), 25, 100, Limits);

        Assert.Equal((40, 40), (capped.Workers, capped.MaxConcurrency!.Value));
        Assert.Equal((25, 25), (swept.Workers, swept.MaxConcurrency!.Value));
    }
}
