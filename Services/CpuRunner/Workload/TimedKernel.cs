using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner;

/// <summary>One kernel call on the calling thread, with its wall time and that thread's CPU time (wall time where the OS gives none).</summary>
public static class TimedKernel
{
    public readonly record struct Result(UInt128 Sum, TimeSpan Elapsed, TimeSpan Cpu);

    public static Result Run(long n, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var cpuBefore = ThreadCpuTime.Now();
        var sum = SumOfSquares.Compute(n, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new Result(sum, elapsed, ThreadCpuTime.Now() - cpuBefore ?? elapsed);
    }
}
