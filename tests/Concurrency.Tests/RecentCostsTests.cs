using ConcurrencyLab.Concurrency.Runs;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class RecentCostsTests
{
    [Fact]
    public void EachStrategyKeepsTheMedianOfItsLastFiveRuns()
    {
        var costs = new RecentCosts();
        foreach (var dispatch in new[] { 90.0, 1, 2, 40, 3, 2.5 })
            costs.Add("replicas", startupMs: null, dispatchMs: dispatch);
        costs.Add("processes", startupMs: 150, dispatchMs: 0.7);

        var medians = costs.Medians();

        // 90 has left the five kept: the median of 1, 2, 40, 3 and 2.5.
        Assert.Equal(2.5, medians.DispatchOf("replicas"));
        Assert.Null(medians.StartupOf("replicas"));
        Assert.Equal(150, medians.StartupOf("processes"));
        Assert.Equal(0, medians.DispatchOf("threads"));
    }
}
