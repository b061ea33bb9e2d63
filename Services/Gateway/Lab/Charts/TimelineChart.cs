using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.BarLib;

namespace ConcurrencyLab.Gateway.Lab.Charts;

/// <summary>
/// A run as lanes of bars: one lane per thread, process or replica, one bar per item from
/// its start to its end. Sequential draws a staircase, async one wide block. Where a
/// thread held the item, its on-CPU share is drawn darker at the bar's start; the time it
/// was queued for its lane is a light lead-in from the run's start, beneath the bars.
/// </summary>
public static class TimelineChart
{
    public const string OkColor = "#3b82f6";
    public const string FailedColor = "#dc2626";
    public const string OnCpuColor = "#1e3a8a";
    public const string QueuedColor = "#dbeafe";
    public const int MaxNamedLanes = 40;
    public const double MinQueuedMs = 1;

    public static ChartFigure Build(RunReport run)
    {
        var bars = run.Timeline ?? [];
        // Lanes in the order they first started work, the first at the top.
        var lanes = bars.OrderBy(bar => bar.StartMs).Select(bar => bar.Lane).Distinct().ToList();
        var data = new List<ITrace>();
        // Under a millisecond is the run's own start-up, not a wait for a lane.
        var queued = bars.Where(bar => bar.QueuedMs >= MinQueuedMs).ToList();
        if (queued.Count > 0)
            data.Add(Segments("queued", queued, bar => 0, bar => bar.QueuedMs, QueuedColor, "queued for a lane"));
        data.Add(Trace("ok", bars.Where(bar => bar.Ok).ToList(), OkColor));
        var failed = bars.Where(bar => !bar.Ok).ToList();
        if (failed.Count > 0)
            data.Add(Trace("failed", failed, FailedColor));
        var onCpu = bars.Where(bar => bar.OnCpuMs > 0).ToList();
        if (onCpu.Count > 0)
            data.Add(Segments("on CPU", onCpu, bar => bar.StartMs, bar => bar.OnCpuMs!.Value, OnCpuColor, "on CPU"));

        var title = $"{RunLabel.Of(run)}: {bars.Count} items on {lanes.Count} lane{(lanes.Count == 1 ? "" : "s")}"
            + (run.TimelineTruncated ? " (timeline truncated)" : "");
        var layout = new Layout
        {
            Title = new Title { Text = title },
            BarMode = BarModeEnum.Overlay,
            ShowLegend = data.Count > 1,
            Height = Math.Clamp(140 + 26 * lanes.Count, 260, 900),
            Margin = new Margin { L = 150, R = 20, T = 50, B = 50 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "ms since the run started" }, RangeMode = Plotly.Blazor.LayoutLib.XAxisLib.RangeModeEnum.ToZero }],
            YAxis = [new YAxis
            {
                Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category,
                CategoryOrder = Plotly.Blazor.LayoutLib.YAxisLib.CategoryOrderEnum.Array,
                CategoryArray = [.. lanes.Cast<object>()],
                AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed,
                // Async runs have one slot per item in flight: past a few dozen, names are noise.
                ShowTickLabels = lanes.Count <= MaxNamedLanes,
            }],
        };
        return new ChartFigure(data, layout);
    }

    // A part of each item's time as its own bar: the on-CPU share, or the queued lead-in.
    private static Bar Segments(string name, List<TimelineEntry> bars, Func<TimelineEntry, double> start, Func<TimelineEntry, double> length,
        string color, string what) => new()
    {
        Name = name,
        Orientation = OrientationEnum.H,
        Y = [.. bars.Select(bar => (object)bar.Lane)],
        X = [.. bars.Select(bar => (object)Math.Max(length(bar), 0.5))],
        BaseArray = [.. bars.Select(bar => (object)start(bar))],
        HoverTextArray = [.. bars.Select(bar => string.Create(CultureInfo.InvariantCulture, $"item {bar.Index}: {length(bar):N1} ms {what}"))],
        HoverInfo = Plotly.Blazor.Traces.BarLib.HoverInfoFlag.Text,
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = color },
    };

    private static Bar Trace(string name, List<TimelineEntry> bars, string color) => new()
    {
        Name = name,
        Orientation = OrientationEnum.H,
        Y = [.. bars.Select(bar => (object)bar.Lane)],
        X = [.. bars.Select(bar => (object)Math.Max(bar.DurationMs, 0.5))],
        BaseArray = [.. bars.Select(bar => (object)bar.StartMs)],
        HoverTextArray = [.. bars.Select(bar => string.Create(CultureInfo.InvariantCulture,
            $"item {bar.Index}: {bar.StartMs:N0}–{bar.StartMs + bar.DurationMs:N0} ms ({bar.DurationMs:N1} ms{(bar.OnCpuMs is { } cpu ? $", {cpu:N1} on CPU" : "")}){(bar.Ok ? "" : ", failed")}"))],
        HoverInfo = Plotly.Blazor.Traces.BarLib.HoverInfoFlag.Text,
        // A white edge keeps back-to-back items on one lane apart.
        Marker = new Plotly.Blazor.Traces.BarLib.Marker
        {
            Color = color,
            Line = new Plotly.Blazor.Traces.BarLib.MarkerLib.Line { Color = "#ffffff", Width = 1.5m },
        },
    };
}
