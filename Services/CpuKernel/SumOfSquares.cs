using System.Runtime.CompilerServices;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.CpuKernel;

/// <summary>
/// The study's CPU-bound kernel: the sum of i*i for i in [0, n), computed by really doing
/// the n multiply-adds. The result needs more than 64 bits (it overflows long from
/// n = 3,024,618), so it is accumulated exactly in 128 bits. The work goes in chunks:
/// between two, it checks for cancellation and passes a WorkCheckpoint.
/// </summary>
public static class SumOfSquares
{
    /// <summary>About a millisecond of work on this machine.</summary>
    public const long ChunkSize = 1 << 20;

    // Below this bound i*i fits in 64 bits, so the hot loop multiplies in ulong and only
    // carries into the high word; above it the square itself needs 128 bits.
    private const ulong SquareFitsInUInt64 = 1UL << 32;

    public static UInt128 Compute(long n, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        UInt128 sum = 0;
        for (long from = 0; from < n; from += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            WorkCheckpoint.Pass();
            sum += Range((ulong)from, (ulong)Math.Min(n, from + ChunkSize));
        }

        return sum;
    }

    /// <summary>
    /// The same sum as a co-operative task: it yields after every chunk, so on a
    /// single-threaded scheduler several sums interleave like tasks on an event loop.
    /// </summary>
    public static async ValueTask<UInt128> ComputeAsync(long n, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        UInt128 sum = 0;
        for (long from = 0; from < n; from += ChunkSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sum += Range((ulong)from, (ulong)Math.Min(n, from + ChunkSize));
            await Task.Yield();
        }

        return sum;
    }

    /// <summary>The sum of i*i for i in [from, to).</summary>
    /// <remarks>Compiled fully optimised at once: without it the first runs of a strategy
    /// execute unoptimised code and every comparison's first row looks slow. Never inlined:
    /// inlined into a caller's later tier the loop ran up to 40 % slower, depending on the
    /// caller (measured in the lab: POST /cpu/work took 245-250 ms of CPU per n = 500,000,000
    /// against 174-181 ms for a sequential item in the same process; 179-190 ms since).</remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.NoInlining)]
    public static UInt128 Range(ulong from, ulong to)
    {
        ulong low = 0, high = 0;
        var fastEnd = Math.Min(to, SquareFitsInUInt64);
        for (var i = from; i < fastEnd; i++)
        {
            var square = i * i;
            low += square;
            if (low < square)
                high++;
        }

        var sum = new UInt128(high, low);
        for (var i = Math.Max(from, fastEnd); i < to; i++)
            sum += (UInt128)i * i;
        return sum;
    }

    /// <summary>The closed form (n-1)·n·(2n-1)/6, for checking only.</summary>
    public static UInt128 ClosedForm(long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
            return 0;
        var big = (UInt128)n;
        return (big - 1) * big * (2 * big - 1) / 6;
    }
}
