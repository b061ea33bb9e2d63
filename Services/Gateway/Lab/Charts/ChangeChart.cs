using System.Globalization;
using ConcurrencyLab.Concurrency.Reports;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;

namespace ConcurrencyLab.Gateway.Lab.Charts;

/// <summary>
/// A compare or sweep against its baseline: two bars per strategy (the baseline's median,
/// this one's), this one's whisker the 95 % interval of the change, each bar labelled with the verdict.
/// </summary>
public static class ChangeChart
{
    public const string BaselineName = "baseline (s)";
    public const string NowName = "this one (s)";

    public static ChartFigure Build(BaselineChange change)
    {
        var labels = change.Rows.Select(row => (object)(row.Workers > 1 ? $"{row.Strategy} ({row.Workers})" : row.Strategy)).ToList();
        var baseline = new Bar
        {
            Name = BaselineName,
            X = labels,
            Y = [.. change.Rows.Select(row => (object)CompareChart.Seconds(row.BaselineMs))],
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#94a3b8" },
        };
        var now = new Bar
        {
            Name = NowName,
            X = labels,
            Y = [.. change.Rows.Select(row => (object)CompareChart.Seconds(row.CurrentMs))],
            TextArray = [.. change.Rows.Select(row => row.Verdict)],
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = "#3b82f6" },
            // The interval of the change in mean wall time, drawn around this one's bar.
            ErrorY = new Plotly.Blazor.Traces.BarLib.ErrorY
            {
                Type = Plotly.Blazor.Traces.BarLib.ErrorYLib.TypeEnum.Data,
                Symmetric = false,
                Array = [.. change.Rows.Select(row => (object)CompareChart.Seconds(Math.Max(0, (row.DiffHighMs ?? 0) - (row.CurrentMs - row.BaselineMs))))],
                ArrayMinus = [.. change.Rows.Select(row => (object)CompareChart.Seconds(Math.Max(0, (row.CurrentMs - row.BaselineMs) - (row.DiffLowMs ?? 0))))],
            },
        };
        var layout = new Layout
        {
            Title = new Title { Text = string.Create(CultureInfo.InvariantCulture, $"Against baseline {change.BaselineId}: wall time per strategy") },
            Height = 380,
            BarMode = BarModeEnum.Group,
            Legend = [CompareChart.BelowThePlot()],
            Margin = new Margin { L = 70, R = 20, T = 50, B = 70 },
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "seconds" }, RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero }],
        };
        return new ChartFigure([baseline, now], layout);
    }
}
