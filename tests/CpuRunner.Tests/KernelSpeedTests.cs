namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class KernelSpeedTests
{
    [Fact]
    public void TheSpeedIsTheBestAttemptByTheClockItIsGiven()
    {
        // Five attempts on a clock that moves 40, 10, 30, 20 and 50 ms across them.
        var readings = new Queue<double>([0, 40, 100, 110, 200, 230, 300, 320, 400, 450]);
        var runs = 0;

        var nanoseconds = KernelSpeed.Measure(() => TimeSpan.FromMilliseconds(readings.Dequeue()), () => runs++);

        Assert.Equal(5, runs);
        Assert.Empty(readings);
        Assert.Equal(10e6 / (1 << 24), nanoseconds, 9);
    }
}
