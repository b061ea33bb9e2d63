using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Gateway.Lab.Charts;
using Plotly.Blazor.Traces;

namespace ConcurrencyLab.Gateway.Tests;

public sealed class CompareAndSweepChartTests
{
    [Fact]
    public void CompareDrawsOneBarPerStrategyLabelledWithItsSpeedupAndMarksItsIdeal()
    {
        var compare = Reports.Comparison("compare", "io",
            Reports.Row("sequential", 1, 16_000, 1),
            Reports.Row("threads", 10, 1_600, 10),
            Reports.Row("async", 160, 125, 128));

        var figure = CompareChart.Build(compare);

        var wall = Assert.IsType<Bar>(figure.Data[0]);
        Assert.Equal(["sequential", "threads (10)", "async (160)"], wall.X);
        Assert.Equal([16.0, 1.6, 0.125], wall.Y);
        Assert.Equal(["1.0×", "10.0×", "128.0×"], wall.TextArray);
        var ideal = Assert.IsType<Scatter>(figure.Data[1]);
        Assert.Equal([14.4, 1.44, 0.1125], ideal.Y);
    }

    [Fact]
    public void OverRoundsEachBarCarriesItsMinToMaxAsErrorBarsAndItsSpeedupRange()
    {
        var compare = Reports.Comparison("compare", "cpu",
            Reports.Row("sequential", 1, 3_000, 1) with { Rounds = 3, WallMsMin = 2_800, WallMsMax = 3_600, SpeedupMin = 1, SpeedupMax = 1 },
            Reports.Row("threads", 2, 1_600, 1.9) with { Rounds = 3, WallMsMin = 1_500, WallMsMax = 2_000, SpeedupMin = 1.5, SpeedupMax = 2.1 });

        var wall = Assert.IsType<Bar>(CompareChart.Build(compare).Data[0]);

        Assert.Equal([0.6, 0.4], wall.ErrorY.Array);
        Assert.Equal([0.2, 0.1], wall.ErrorY.ArrayMinus);
        Assert.Equal("1.9× (1.5–2.1)", wall.TextArray[1]);
    }

    [Fact]
    public void AStrategyWithFailuresIsDrawnInTheFailureColour()
    {
        var compare = Reports.Comparison("compare", "io",
            Reports.Row("sequential", 1, 1_000, 1),
            Reports.Row("threads", 5, 300, 3.3, failed: 2));

        var wall = Assert.IsType<Bar>(CompareChart.Build(compare).Data[0]);

        Assert.Equal([TimelineChart.OkColor, TimelineChart.FailedColor], wall.Marker.ColorArray);
    }

    [Fact]
    public void AnIoThreadsSweepCarriesTheStudysTwoRunsAsReference()
    {
        var sweep = Reports.Comparison("sweep", "io",
            Reports.Row("threads", 10, 4_800, null),
            Reports.Row("threads", 5, 9_500, null));

        var figure = SweepChart.Build(sweep);

        var names = figure.Data.Cast<Scatter>().Select(trace => trace.Name).ToList();
        Assert.Equal([SweepChart.MeasuredName, SweepChart.IdealName, SweepChart.EfficiencyName, "study run 1 (s)", "study run 2 (s)"], names);
        var measured = (Scatter)figure.Data[0];
        Assert.Equal([5, 10], measured.X);
        Assert.Equal([9.5, 4.8], measured.Y);
        var study = (Scatter)figure.Data[3];
        Assert.Equal([5, 10, 15, 20, 30], study.X);
        Assert.Equal([9.75, 5.14, 4.06, 3.06, 2.63], study.Y);
        Assert.Equal("y2", ((Scatter)figure.Data[2]).YAxis);
    }

    [Fact]
    public void ACpuProcessesSweepDrawsTheStudysOneFigureAsAFlatLine()
    {
        var sweep = Reports.Comparison("sweep", "cpu",
            Reports.Row("processes", 1, 400, null),
            Reports.Row("processes", 4, 150, null));

        var figure = SweepChart.Build(sweep);

        var study = (Scatter)figure.Data[^1];
        Assert.Equal("study processes: 5.99 s", study.Name);
        Assert.Equal([1, 4], study.X);
        Assert.Equal([5.99, 5.99], study.Y.Select(value => Math.Round((double)value, 2)));
    }

    [Fact]
    public void ASweepWithoutAPublishedFigureHasNoStudySeries()
    {
        var sweep = Reports.Comparison("sweep", "io", Reports.Row("async", 10, 100, null));

        Assert.Equal(3, SweepChart.Build(sweep).Data.Count);
    }

    [Fact]
    public void ASweepWithAScalingFitDrawsTheFittedCurveAndLittlesLaw()
    {
        var scaling = new ScalingFit(10, 0.05, 0.001, 30.8, 14, 10, [], 100,
            [new ScalingPoint(5, 45, 44.2, 50, 2_262, 2_000), new ScalingPoint(10, 80, 78.9, 100, 1_267, 1_000)],
            [new ScalingPoint(1, null, 10, 10, 10_000, 10_000), new ScalingPoint(20, null, 120, 200, 833, 500)]);
        var sweep = Reports.Comparison("sweep", "io", Reports.Row("async", 5, 2_200, null), Reports.Row("async", 10, 1_250, null)) with { Scaling = scaling };

        var traces = SweepChart.Build(sweep).Data.Cast<Scatter>().ToList();

        var fitted = traces.Single(trace => trace.Name == SweepChart.FittedName);
        Assert.Equal([1, 20], fitted.X);
        Assert.Equal([10.0, 0.833], fitted.Y);
        var little = traces.Single(trace => trace.Name == SweepChart.LittleName);
        Assert.Equal([5, 10], little.X);
        Assert.Equal([2.0, 1.0], little.Y);
    }

    [Fact]
    public void ACpuSweepHasNoLittlesLawLine()
    {
        var scaling = new ScalingFit(5, 0.9, 0, null, 2, 2, [4], null,
            [new ScalingPoint(1, 5, 5, null, 4_000), new ScalingPoint(2, 10, 9.5, null, 2_100)],
            [new ScalingPoint(1, null, 5, null, 4_000)]);
        var sweep = Reports.Comparison("sweep", "cpu", Reports.Row("threads", 1, 4_000, null), Reports.Row("threads", 2, 2_000, null)) with { Scaling = scaling };

        var names = SweepChart.Build(sweep).Data.Cast<Scatter>().Select(trace => trace.Name).ToList();

        Assert.Contains(SweepChart.FittedName, names);
        Assert.DoesNotContain(SweepChart.LittleName, names);
    }

    [Fact]
    public void ASweepDrawsEachCountsPredictionFromItsProbe()
    {
        var sweep = Reports.Comparison("sweep", "cpu",
            Reports.Row("threads", 1, 4_100, null) with { PredictedMs = 4_000 },
            Reports.Row("threads", 2, 2_100, null) with { PredictedMs = 2_000 });

        var predicted = SweepChart.Build(sweep).Data.Cast<Scatter>().Single(trace => trace.Name == CompareChart.PredictedName);

        Assert.Equal([1, 2], predicted.X);
        Assert.Equal([4.0, 2.0], predicted.Y);
    }

    [Fact]
    public void APredictionIsADiamondBesideItsBar()
    {
        var compare = Reports.Comparison("compare", "io",
            Reports.Row("sequential", 1, 16_000, 1) with { PredictedMs = 16_000 },
            Reports.Row("threads", 10, 1_700, 9.4) with { PredictedMs = 1_600 },
            Reports.Row("custom", 2, 900, 17.8));

        var traces = CompareChart.Build(compare).Data;

        var predicted = Assert.IsType<Scatter>(traces[2]);
        Assert.Equal(CompareChart.PredictedName, predicted.Name);
        Assert.Equal(["sequential", "threads (10)"], predicted.X);
        Assert.Equal([16.0, 1.6], predicted.Y);
        Assert.Equal(2, CompareChart.Build(Reports.Comparison("compare", "io", Reports.Row("threads", 10, 1_700, null))).Data.Count);
    }
}
