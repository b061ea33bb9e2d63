using ConcurrencyLab.Concurrency.Engine;
using Microsoft.Extensions.Time.Testing;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class RunRecorderClockTests
{
    [Fact]
    public void AStoppedClockNoLongerMovesAndTheFirstStopCounts()
    {
        var clock = new FakeTimeProvider();
        var recorder = new RunRecorder(itemCount: 1, clock);

        clock.Advance(TimeSpan.FromMilliseconds(100));
        recorder.StopClock();
        clock.Advance(TimeSpan.FromMilliseconds(50));
        recorder.StopClock();

        Assert.Equal(100, recorder.WallMs);
        Assert.Equal(150, recorder.ElapsedMs);
    }

    [Fact]
    public void UntilStoppedTheWallTimeIsTheElapsedTime()
    {
        var clock = new FakeTimeProvider();
        var recorder = new RunRecorder(itemCount: 1, clock);

        clock.Advance(TimeSpan.FromMilliseconds(40));

        Assert.Equal(40, recorder.WallMs);
        Assert.Equal(40, recorder.ElapsedMs);
    }

    [Fact]
    public void ItemsAreRecordedOnTheRunsClock()
    {
        var clock = new FakeTimeProvider();
        var recorder = new RunRecorder(itemCount: 1, clock);
        clock.Advance(TimeSpan.FromMilliseconds(10));
        var start = recorder.Timestamp();
        clock.Advance(TimeSpan.FromMilliseconds(25));

        recorder.Record(0, new WorkerIdentity("thread", "worker-1", 1), "worker-1", start, recorder.Timestamp(), ItemOutcome.Success());

        Assert.Equal(new TimelineEntry(0, "worker-1", 10, 25, true), recorder.Timeline().Single());
    }
}
