using System.Globalization;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Gateway.Lab.Client;
using Plotly.Blazor;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Gateway.Lab.Charts;

/// <summary>
/// One strategy over worker counts: measured wall time, the ideal curve, efficiency on a
/// second axis, the study's published figures for the same strategy as reference, the
/// scaling law's fit, and each count's predicted wall time.
/// </summary>
public static class SweepChart
{
    public const string MeasuredName = "measured wall time (s)";
    public const string IdealName = "ideal (s)";
    public const string EfficiencyName = "efficiency (right axis)";
    public const string FittedName = "USL fit (s)";
    public const string LittleName = "Little's law, no queueing (s)";

    public static ChartFigure Build(ComparisonReport sweep)
    {
        var rows = sweep.Rows.OrderBy(row => row.Workers).ToList();
        var workers = rows.Select(row => (object)row.Workers).ToList();
        var strategy = rows.FirstOrDefault()?.Strategy ?? "";
        var data = new List<ITrace>
        {
            WithSpread(Line(MeasuredName, workers, rows.Select(row => CompareChart.Seconds(row.WallMs)), "#3b82f6", "solid"), rows),
            Line(IdealName, workers, rows.Select(row => CompareChart.Seconds(row.IdealMs)), "#111827", "dash"),
            Line(EfficiencyName, workers, rows.Select(row => Math.Round(row.Efficiency, 3)), "#16a34a", "dot", onRightAxis: true),
        };
        data.AddRange(StudySeries(sweep.Workload, strategy, rows));
        data.AddRange(ScalingSeries(sweep.Scaling));
        var predicted = rows.Where(row => row.PredictedMs is not null).ToList();
        // Predicted from the sweep's sequential probe before the sweep ran.
        if (predicted.Count > 0)
            data.Add(Line(CompareChart.PredictedName, [.. predicted.Select(row => (object)row.Workers)],
                predicted.Select(row => CompareChart.Seconds(row.PredictedMs!.Value)), "#9333ea", "solid", markersOnly: true));

        var layout = new Layout
        {
            Title = new Title { Text = $"{sweep.Workload.ToUpperInvariant()} sweep of {strategy}: wall time and efficiency by worker count" },
            Height = 460,
            Legend = [CompareChart.BelowThePlot()],
            Margin = new Margin { L = 70, R = 70, T = 50, B = 40 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = "workers" } }],
            YAxis =
            [
                new YAxis
                {
                    Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "seconds" },
                    RangeMode = Plotly.Blazor.LayoutLib.YAxisLib.RangeModeEnum.ToZero,
                },
                new YAxis
                {
                    Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = "efficiency (ideal / wall)" },
                    Overlaying = "y",
                    Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right,
                    Range = [0, 1.05],
                    ShowGrid = false,
                },
            ],
        };
        return new ChartFigure(data, layout);
    }

    /// <summary>The study's figures for this strategy: its threads sweep, or one published run as a flat line.</summary>
    private static IEnumerable<ITrace> StudySeries(string workload, string strategy, List<ComparisonRow> rows)
    {
        if (workload == Workloads.Io && strategy == StrategyNames.Threads)
        {
            var study = StudyFigures.IoThreads;
            IList<object> workers = [.. study.Select(point => (object)point.Workers!)];
            yield return Line("study run 1 (s)", workers, study.Select(point => point.Runs[0]), "#f97316", "solid", markersOnly: true);
            yield return Line("study run 2 (s)", workers, study.Select(point => point.Runs[1]), "#ea580c", "solid", markersOnly: true);
        }
        // The study's CPU threads ran under the GIL: the lab's gil strategy, and its threads' contrast.
        else if (StudyFigures.Find(workload, workload == Workloads.Cpu && strategy == StrategyNames.Gil ? StrategyNames.Threads : strategy) is { } published && rows.Count > 0)
        {
            var seconds = published.Mean;
            var name = string.Create(CultureInfo.InvariantCulture, $"study {strategy}: {seconds:0.00} s");
            yield return Line(name, [(object)rows[0].Workers, rows[^1].Workers], [seconds, seconds], "#f97316", "dashdot");
        }
    }

    // The fitted law's wall time over worker counts (past the largest swept: its prediction),
    // and for IO the wall time Little's law allows with the fewest workers' item time.
    private static IEnumerable<ITrace> ScalingSeries(ScalingFit? scaling)
    {
        if (scaling is null)
            yield break;
        var fitted = Line(FittedName, [.. scaling.Curve.Select(point => (object)point.Workers)],
            scaling.Curve.Select(point => CompareChart.Seconds(point.FittedWallMs)), "#9333ea", "longdash");
        fitted.Mode = ModeFlag.Lines;
        yield return fitted;
        if (scaling.LittleItemMs is not null)
        {
            var little = scaling.Points.Where(point => point.LittleWallMs is not null).ToList();
            yield return Line(LittleName, [.. little.Select(point => (object)point.Workers)],
                little.Select(point => CompareChart.Seconds(point.LittleWallMs!.Value)), "#64748b", "dot");
        }
    }

    // With rounds, each point is the median and its whisker the min–max.
    private static Scatter WithSpread(Scatter line, List<ComparisonRow> rows)
    {
        if (rows.Any(row => row.Rounds > 1))
        {
            line.ErrorY = new Plotly.Blazor.Traces.ScatterLib.ErrorY
            {
                Type = Plotly.Blazor.Traces.ScatterLib.ErrorYLib.TypeEnum.Data,
                Symmetric = false,
                Array = [.. rows.Select(row => (object)CompareChart.Seconds(row.WallMsMax - row.WallMs))],
                ArrayMinus = [.. rows.Select(row => (object)CompareChart.Seconds(row.WallMs - row.WallMsMin))],
            };
        }

        return line;
    }

    private static Scatter Line(string name, IList<object> x, IEnumerable<double> y, string color, string dash,
        bool onRightAxis = false, bool markersOnly = false) => new()
    {
        Name = name,
        X = x,
        Y = [.. y.Select(value => (object)value)],
        YAxis = onRightAxis ? "y2" : "y",
        Mode = markersOnly ? ModeFlag.Markers : ModeFlag.Lines | ModeFlag.Markers,
        Line = new Plotly.Blazor.Traces.ScatterLib.Line { Color = color, Dash = dash },
        Marker = new Plotly.Blazor.Traces.ScatterLib.Marker { Color = color, Size = markersOnly ? 11 : 8 },
    };
}
