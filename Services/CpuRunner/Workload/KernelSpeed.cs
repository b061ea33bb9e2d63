using System.Diagnostics;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// How fast the kernel runs on this machine, measured once (best of a few short runs), so
/// a run's ideal time is the sequential kernel time it implies, not a guess.
/// </summary>
public static class KernelSpeed
{
    private const ulong CalibrationIterations = 1 << 24;

    private static readonly Lazy<double> NanosecondsPerIteration = new(Measure);

    public static double EstimateMs(IEnumerable<long> numbers) =>
        numbers.Sum(n => (double)n) * NanosecondsPerIteration.Value / 1e6;

    private static double Measure()
    {
        var best = double.MaxValue;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var started = Stopwatch.GetTimestamp();
            SumOfSquares.Range(0, CalibrationIterations);
            best = Math.Min(best, Stopwatch.GetElapsedTime(started).TotalNanoseconds);
        }

        return best / CalibrationIterations;
    }
}
