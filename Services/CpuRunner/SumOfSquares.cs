namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// The study's CPU-bound kernel: the sum of i*i for i in [0, n), computed by really doing
/// the n multiply-adds. The result needs more than 64 bits (it overflows long from
/// n = 3,024,618), so it is accumulated exactly in 128 bits.
/// </summary>
public static class SumOfSquares
{
    // Below this bound i*i fits in 64 bits, so the hot loop multiplies in ulong and only
    // carries into the high word; above it the square itself needs 128 bits.
    private const ulong SquareFitsInUInt64 = 1UL << 32;

    public static UInt128 Compute(long n, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ulong low = 0, high = 0;
        var end = (ulong)n;
        var fastEnd = Math.Min(end, SquareFitsInUInt64);

        // Chunks keep cancellation responsive without a check per iteration.
        const ulong chunk = 1 << 22;
        for (ulong from = 0; from < fastEnd; from += chunk)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var to = Math.Min(fastEnd, from + chunk);
            for (var i = from; i < to; i++)
            {
                var square = i * i;
                low += square;
                if (low < square)
                    high++;
            }
        }

        var sum = new UInt128(high, low);
        for (var i = fastEnd; i < end; i++)
        {
            if ((i & (chunk - 1)) == 0)
                cancellationToken.ThrowIfCancellationRequested();
            sum += (UInt128)i * i;
        }

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
