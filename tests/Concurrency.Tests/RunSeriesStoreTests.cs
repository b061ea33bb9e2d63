using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class RunSeriesStoreTests
{
    [Fact]
    public async Task ASeriesStartsItsNextRunAndAnswersOnlyOnceTheRunBeforeIsStored()
    {
        var store = new GatedRunStore();
        using var engine = new EngineHarness(store: store);
        var cancel = TestContext.Current.CancellationToken;
        List<(IStrategy, StrategySettings)> plan = [(new SequentialStrategy(), new StrategySettings(1)), (new ThreadsStrategy("test"), new StrategySettings(2))];
        var started = new List<string>();

        var series = RunSeries.RunAsync("compare", "fake", null, plan, rounds: 1,
            (strategy, settings) =>
            {
                var run = engine.Start(new FakeWorkload(2), strategy, settings);
                lock (started)
                    started.Add(run.Id);
                return run;
            },
            engine.Registry, cancel);

        // The first run has finished and its save is held: the second must not have started.
        await Eventually.HoldsAsync(() => store.Waiting == 1, cancel);
        lock (started)
            Assert.Single(started);
        Assert.False(series.IsCompleted);

        store.Open();
        var report = await series.WaitAsync(TimeSpan.FromSeconds(60), cancel);

        Assert.Equal(2, report.Rows.Count);
        // Every run the answer names was stored before it came.
        Assert.Equal(started, store.Saved);
    }
}
