using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class StudyFiguresTests
{
    [Theory]
    [InlineData("io", "sequential", null, "46.07 / 45.65")]
    [InlineData("io", "threads", 30, "2.63 / 2.40")]
    [InlineData("io", "processes", null, "15.05 / 12.24")]
    [InlineData("cpu", "threads", null, "11.09")]
    [InlineData("cpu", "processes", null, "6.08 / 5.98 / 5.90")]
    public void EachFigureReadsAsTheStudyPrintedIt(string workload, string strategy, int? workers, string printed) =>
        Assert.Equal(printed, StudyFigures.Find(workload, strategy, workers)?.Text);

    [Theory]
    [InlineData("io", "async", null)]
    [InlineData("io", "threads", 7)]
    [InlineData("cpu", "gil", null)]
    public void WhatTheStudyDidNotPublishIsNotFound(string workload, string strategy, int? workers) =>
        Assert.Null(StudyFigures.Find(workload, strategy, workers));

    [Fact]
    public void TheIoThreadsSweepIsFiveWorkerCountsOfTwoRuns()
    {
        Assert.Equal([5, 10, 15, 20, 30], StudyFigures.IoThreads.Select(figure => figure.Workers));
        Assert.All(StudyFigures.IoThreads, figure => Assert.Equal(2, figure.Runs.Count));
    }
}
