using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Gateway.Lab.Charts;
using Plotly.Blazor.Traces;

namespace ConcurrencyLab.Gateway.Tests;

public sealed class TimelineChartTests
{
    [Fact]
    public void EveryItemIsOneBarOnItsLaneFromItsStartForItsDuration()
    {
        var run = Reports.Run("threads", 2,
            new TimelineEntry(0, "worker-1", 0, 100, true),
            new TimelineEntry(1, "worker-2", 1, 120, true),
            new TimelineEntry(2, "worker-1", 100, 90, true));

        var figure = TimelineChart.Build(run);

        var bars = figure.Data.Cast<Bar>().Single(trace => trace.Name == "ok");
        Assert.Equal(["worker-1", "worker-2", "worker-1"], bars.Y);
        Assert.Equal([0.0, 1.0, 100.0], bars.BaseArray);
        Assert.Equal([100.0, 120.0, 90.0], bars.X);
    }

    [Fact]
    public void OnCpuSharesAreDarkerBarsOnTopAndQueuedTimeALightLeadInBeneath()
    {
        var run = Reports.Run("threads", 2,
            new TimelineEntry(0, "worker-1", 0, 100, true, OnCpuMs: 80),
            new TimelineEntry(1, "worker-2", 0, 120, true, OnCpuMs: 3),
            new TimelineEntry(2, "worker-1", 100, 90, true));

        var traces = TimelineChart.Build(run).Data.Cast<Bar>().ToList();

        Assert.Equal(["queued", "ok", "on CPU"], traces.Select(trace => trace.Name));
        var queued = traces[0];
        Assert.Equal(["worker-1"], queued.Y);
        Assert.Equal([0.0], queued.BaseArray);
        Assert.Equal([100.0], queued.X);
        var onCpu = traces[2];
        Assert.Equal(TimelineChart.OnCpuColor, onCpu.Marker.Color);
        Assert.Equal([0.0, 0.0], onCpu.BaseArray);
        Assert.Equal([80.0, 3.0], onCpu.X);
    }

    [Fact]
    public void LanesAreOrderedByTheirFirstItemNotByName()
    {
        var run = Reports.Run("processes", 2,
            new TimelineEntry(0, "pid 900", 5, 10, true),
            new TimelineEntry(1, "pid 100", 9, 10, true),
            new TimelineEntry(2, "pid 900", 20, 10, true));

        var figure = TimelineChart.Build(run);

        Assert.Equal(["pid 900", "pid 100"], Assert.Single(figure.Layout.YAxis).CategoryArray);
    }

    [Fact]
    public void FailedItemsAreTheirOwnRedTrace()
    {
        var run = Reports.Run("async", 3,
            new TimelineEntry(0, "async", 0, 100, true),
            new TimelineEntry(1, "async", 0, 30, false),
            new TimelineEntry(2, "async", 0, 100, true));

        var figure = TimelineChart.Build(run);

        Assert.Equal(2, figure.Data.Count);
        var failed = Assert.IsType<Bar>(figure.Data[1]);
        Assert.Equal("failed", failed.Name);
        Assert.Equal(TimelineChart.FailedColor, failed.Marker.Color);
        Assert.Equal([30.0], failed.X);
        Assert.Equal(2, Assert.IsType<Bar>(figure.Data[0]).X.Count);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(TimelineChart.MaxNamedLanes, true)]
    [InlineData(TimelineChart.MaxNamedLanes + 1, false)]
    public void LaneNamesShowUntilThereAreTooManyToRead(int lanes, bool named)
    {
        var bars = Enumerable.Range(0, lanes).Select(i => new TimelineEntry(i, $"slot-{i + 1}", 0, 100, true)).ToArray();

        var figure = TimelineChart.Build(Reports.Run("async", lanes, bars));

        var axis = Assert.Single(figure.Layout.YAxis);
        Assert.Equal(named, axis.ShowTickLabels);
        Assert.Equal(lanes, axis.CategoryArray.Count);
    }
}
