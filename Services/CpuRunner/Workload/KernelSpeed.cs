using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// How fast the kernel runs on this machine, measured once (best of a few short runs), so
/// a run's ideal time is the sequential kernel time it implies, not a guess.
/// </summary>
public static class KernelSpeed
{
    private const ulong CalibrationIterations = 1 << 24;
    private const int Attempts = 5;

    // The calibrating thread's own CPU time, not wall time: the first estimate is asked for
    // during the runner's start-up warm-up, while the lab's other services start on the same
    // cores, and a wall clock then read the kernel as 1.6-5x slower than it is (a
    // sequential run came out at 165-504 % of its ideal).
    private static readonly Lazy<double> NanosecondsPerIteration =
        new(() => Measure(CpuOrWallClock, () => SumOfSquares.Range(0, CalibrationIterations)));

    public static double EstimateMs(IEnumerable<long> numbers) =>
        numbers.Sum(n => (double)n) * NanosecondsPerIteration.Value / 1e6;

    // Wall time (since the timestamp's origin) only where the OS gives no thread CPU clock.
    private static TimeSpan CpuOrWallClock() => ThreadCpuTime.Now() ?? Stopwatch.GetElapsedTime(0);

    /// <summary>Nanoseconds per kernel iteration: the best of the attempts, each timed by the clock given.</summary>
    internal static double Measure(Func<TimeSpan> clock, Action calibrationRun)
    {
        var best = double.MaxValue;
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var started = clock();
            calibrationRun();
            best = Math.Min(best, (clock() - started).TotalNanoseconds);
        }

        return best / CalibrationIterations;
    }
}
