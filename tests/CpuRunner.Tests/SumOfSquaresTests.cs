using System.Globalization;
using System.Numerics;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class SumOfSquaresTests
{
    public static TheoryData<long> Numbers => new(
        new long[] { 0, 1, 2, 3, 1_000, 3_024_617, 3_024_618, 3_024_619, 3_810_778, 3_810_779, 3_810_780 }
            .Concat(Enumerable.Range(0, 20).Select(i => 5_000_000L + i)));

    [Theory]
    [MemberData(nameof(Numbers))]
    public void TheKernelIsExact(long n)
    {
        Assert.Equal(Expected(n), SumOfSquares.Compute(n, TestContext.Current.CancellationToken).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [MemberData(nameof(Numbers))]
    public async Task TheCooperativeKernelGivesTheSameSums(long n)
    {
        Assert.Equal(Expected(n), (await SumOfSquares.ComputeAsync(n, TestContext.Current.CancellationToken)).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TheSumForFiveMillionIsTheOneInTheStudy()
    {
        // 41,666,654,166,667,500,000: more than a long (or a ulong) holds.
        Assert.Equal("41666654166667500000", SumOfSquares.Compute(5_000_000, TestContext.Current.CancellationToken).ToString(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(10_000_000_000L)]
    [InlineData(4_294_967_296L + 1_000)]
    public void TheSquaresAboveTwoToThe32AreExactUpToTheCap(long n)
    {
        // The last million squares below n, where i*i no longer fits in 64 bits, checked
        // against an independent BigInteger difference of closed forms.
        const long span = 1 << 20;
        var range = SumOfSquares.Range((ulong)(n - span), (ulong)n);

        Assert.Equal((BigInteger.Parse(Expected(n)) - BigInteger.Parse(Expected(n - span))).ToString(), range.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(Expected(n), SumOfSquares.ClosedForm(n).ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ANegativeCountIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SumOfSquares.Compute(-1, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void CancellationStopsTheKernelBetweenChunks()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => SumOfSquares.Compute(10_000_000_000, cancelled.Token));
    }

    // Σ i² for i < n = (n − 1)·n·(2n − 1) / 6, in BigInteger: independent of the kernel's types.
    private static string Expected(long n)
    {
        var big = new BigInteger(n);
        return n == 0 ? "0" : ((big - 1) * big * (2 * big - 1) / 6).ToString();
    }
}
