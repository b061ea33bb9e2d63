using System.Globalization;
using ConcurrencyLab.Concurrency.Reports;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Gateway.Lab.Charts;

/// <summary>
/// Every strategy's wall time as one bar (the median, with its min–max as error bars,
/// when measured over rounds), its ideal as a mark on it, its speedup over sequential as
/// the label, and the wall time predicted from the sequential run as a diamond. The axis
/// is logarithmic: async and sequential differ 100×.
/// </summary>
public static class CompareChart
{
    public static ChartFigure Build(ComparisonReport comparison)
    {
        var rows = comparison.Rows;
        var labels = rows.Select(row => RunLabel.Of(row.Strategy, row.Workers, row.MaxConcurrency, comparison.Workload)).Cast<object>().ToList();
        var wall = new Bar
        {
            Name = "wall time (s)",
            X = labels,
            Y = [.. rows.Select(row => (object)Seconds(row.WallMs))],
            TextArray = [.. rows.Select(SpeedupLabel)],
            TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Outside,
            // With rounds, the bar is the median and the whisker its min–max.
            ErrorY = rows.Any(row => row.Rounds > 1)
                ? new Plotly.Blazor.Traces.BarLib.ErrorY
                {
                    Type = Plotly.Blazor.Traces.BarLib.ErrorYLib.TypeEnum.Data,
                    Symmetric = false,
                    Array = [.. rows.Select(row => (object)Seconds(row.WallMsMax - row.WallMs))],
                    ArrayMinus = [.. rows.Select(row => (object)Seconds(row.WallMs - row.WallMsMin))],
                    Color = "#111827",
                }
                : null,
            Marker = new Plotly.Blazor.Traces.BarLib.Marker
            {
                ColorArray = [.. rows.Select(row => (object)(row.Failed > 0 || row.Status != "completed" ? TimelineChart.FailedColor : TimelineChart.OkColor))],
            },
        };
        var ideal = new Scatter
        {
            Name = "ideal (s)",
            X = labels,
            Y = [.. rows.Select(row => (object)Seconds(row.IdealMs))],
            Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
            Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
            {
                Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.LineEwOpen,
                Size = 34,
                Color = "#111827",
                Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Width = 3 },
            },
        };
        var layout = new Layout
        {
            Title = new Title { Text = $"{comparison.Workload.ToUpperInvariant()} compare: wall time per strategy against its ideal" },
            Height = 440,
            Legend = [BelowThePlot()],
            Margin = new Margin { L = 70, R = 20, T = 50, B = 70 },
            XAxis = [new XAxis { Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category }],
            YAxis = [new YAxis
            {
                Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log,
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "seconds (log scale)" },
            }],
        };
        var data = new List<ITrace> { wall, ideal };
        if (rows.Any(row => row.PredictedMs is not null))
        {
            // Predicted from the sequential run's items before the others ran (README: what the reports explain).
            var predicted = rows.Select((row, index) => (row, label: labels[index])).Where(pair => pair.row.PredictedMs is not null).ToList();
            data.Add(new Scatter
            {
                Name = PredictedName,
                X = [.. predicted.Select(pair => pair.label)],
                Y = [.. predicted.Select(pair => (object)Seconds(pair.row.PredictedMs!.Value))],
                Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers,
                Marker = new Plotly.Blazor.Traces.ScatterLib.Marker
                {
                    Symbol = Plotly.Blazor.Traces.ScatterLib.MarkerLib.SymbolEnum.DiamondOpen,
                    Size = 14,
                    Color = "#9333ea",
                    Line = new Plotly.Blazor.Traces.ScatterLib.MarkerLib.Line { Width = 2 },
                },
            });
        }

        return new ChartFigure(data, layout);
    }

    public const string PredictedName = "predicted (s)";


    public static string SpeedupLabel(ComparisonRow row) => row switch
    {
        { Speedup: { } speedup, Rounds: > 1, SpeedupMin: { } low, SpeedupMax: { } high } =>
            string.Create(CultureInfo.InvariantCulture, $"{speedup:0.0#}× ({low:0.0#}–{high:0.0#})"),
        { Speedup: { } speedup } => string.Create(CultureInfo.InvariantCulture, $"{speedup:0.0#}×"),
        _ => "—",
    };

    /// <summary>A horizontal legend under the plot, so it never covers an axis.</summary>
    public static Legend BelowThePlot() => new()
    {
        Orientation = Plotly.Blazor.LayoutLib.LegendLib.OrientationEnum.H,
        Y = -0.22m,
        X = 0,
    };

    public static double Seconds(double ms) => Math.Round(ms / 1000, 4);
}
