using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class TimeSplitTests
{
    [Fact]
    public async Task AnItemAThreadHoldsIsSplitIntoOnCpuAndWaitingThatSumToItsDuration()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(6) { CpuMsPerItem = 20 };

        var report = await engine.RunAsync(work, new ThreadsStrategy("test"), new StrategySettings(2));

        var timeline = report.Timeline!;
        Assert.Equal(6, timeline.Count);
        Assert.All(timeline, item =>
        {
            // The item's thread used at least the 20 ms of CPU it spun for, by its own clock.
            Assert.InRange(item.OnCpuMs!.Value, 20, item.DurationMs);
            Assert.Equal(item.DurationMs, item.OnCpuMs!.Value + item.WaitingMs!.Value, 9);
            Assert.Equal(item.StartMs, item.QueuedMs);
        });
        var split = report.TimeSplit!;
        Assert.Equal((6, 6), (split.Items, split.AttributedItems));
        Assert.Equal(Math.Round(timeline.Sum(item => item.OnCpuMs!.Value), 3), split.OnCpuMs);
        // Each part is rounded to 3 decimals on its own, so their sum may be 0.001 off the rounded whole.
        Assert.Equal(timeline.Sum(item => item.DurationMs), split.OnCpuMs + split.WaitingMs, tolerance: 0.002);
        Assert.Equal(0, split.UnattributedMs);
    }

    [Fact]
    public async Task AnAsyncItemHoldsNoThreadSoItsOnCpuTimeIsNotAttributable()
    {
        using var engine = new EngineHarness();

        var report = await engine.RunAsync(new FakeWorkload(5), new AsyncStrategy(), new StrategySettings(5));

        Assert.All(report.Timeline!, item => Assert.Null(item.OnCpuMs));
        var split = report.TimeSplit!;
        Assert.Equal((5, 0), (split.Items, split.AttributedItems));
        Assert.Null(split.OffCpuShare);
        Assert.Equal(Math.Round(report.Timeline!.Sum(item => item.DurationMs), 3), split.UnattributedMs);
        Assert.StartsWith("on-CPU time is not attributable per item", split.Describe());
    }

    [Fact]
    public void TheSplitSumsItsItemsAndNamesTheOffCpuShare()
    {
        var split = TimeSplit.Of(
        [
            new TimelineEntry(0, "a", 0, 100, true, OnCpuMs: 10),
            new TimelineEntry(1, "b", 0, 100, true, OnCpuMs: 30),
            new TimelineEntry(2, "a", 100, 100, true),
        ]);

        Assert.Equal(new TimeSplit(3, 2, 40, 160, 100, 100, 0.8), split);
        Assert.Equal("80 % of item time off-CPU (160 ms waiting, 40 ms on-CPU over 2 items); 1 item not attributable (no thread held them); queued for a lane 33 ms per item on average",
            split.Describe());
    }

    [Fact]
    public void AWorkerReplyCarriesItsItemsCpuTime()
    {
        var reply = WorkerJson.ReadReply(WorkerJson.Write(new WorkerReply(3, true, null, 0, "42", 12.3456, 13.5)));

        Assert.Equal(12.346, reply.CpuMs);
        Assert.Equal(13.5, reply.ElapsedMs);
        Assert.Null(WorkerJson.ReadReply(WorkerJson.Write(new WorkerReply(3, true, null, 0, "42"))).CpuMs);
    }
}
