using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class RunRecorderClockTests
{
    [Fact]
    public void AStoppedClockNoLongerMovesAndTheFirstStopCounts()
    {
        var recorder = new RunRecorder(itemCount: 1);

        recorder.StopClock();
        var stoppedAt = recorder.WallMs;
        SpinUntilElapsedMovesPast(recorder, stoppedAt);
        recorder.StopClock();

        Assert.Equal(stoppedAt, recorder.WallMs);
        Assert.True(recorder.ElapsedMs > stoppedAt);
    }

    [Fact]
    public void UntilStoppedTheWallTimeIsTheElapsedTime()
    {
        var recorder = new RunRecorder(itemCount: 1);

        var before = recorder.ElapsedMs;
        var wall = recorder.WallMs;
        var after = recorder.ElapsedMs;

        Assert.InRange(wall, before, after);
    }

    // The Stopwatch ticks in nanoseconds: spin (bounded) until it has moved on.
    private static void SpinUntilElapsedMovesPast(RunRecorder recorder, double ms)
    {
        for (var spins = 0; spins < 1_000_000 && recorder.ElapsedMs <= ms; spins++)
            Thread.SpinWait(10);
    }
}
