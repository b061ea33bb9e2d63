using ConcurrencyLab.Testing;
namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SiteBandwidthTests
{
    [Fact]
    public async Task ABandwidthLimitReleasesTheBodyOnlyAsTheClockAllows()
    {
        var time = new CountingFakeTime();
        await using var server = await SiteStubServer.StartAsync(time: time);
        var cancel = TestContext.Current.CancellationToken;

        // 10 KiB at 10 KiB/s: half the body after half a second, all of it after a second.
        using var response = await server.Client.GetAsync(
            "/sites/jython?latencyMs=0&sizeBytes=10240&bandwidthKBps=10", HttpCompletionOption.ResponseHeadersRead, cancel);
        await using var body = await response.Content.ReadAsStreamAsync(cancel);
        long received = 0;
        var reader = Task.Run(async () =>
        {
            var buffer = new byte[4096];
            int count;
            while ((count = await body.ReadAsync(buffer, cancel)) > 0)
                Interlocked.Add(ref received, count);
        }, cancel);

        // Each pacing pause is a timer: once it exists, the stub has sent all it may for now.
        await time.WaitForTimersAsync(1, TestContext.Current.CancellationToken);
        var atStart = await SettledAsync(() => Interlocked.Read(ref received));
        time.Advance(TimeSpan.FromMilliseconds(500));
        await time.WaitForTimersAsync(2, TestContext.Current.CancellationToken);
        // The half it sent may reach a reader slowed by a busy machine well after 100 ms.
        await Eventually.HoldsAsync(() => Interlocked.Read(ref received) >= 5_120, cancel);
        var atHalf = await SettledAsync(() => Interlocked.Read(ref received));
        time.Advance(TimeSpan.FromMilliseconds(500));
        await reader.WaitAsync(TimeSpan.FromSeconds(20), cancel);

        // One slice (1/50 of a second's bytes) may run ahead of the clock.
        Assert.InRange(atStart, 0, 205);
        Assert.InRange(atHalf, 5_120, 5_120 + 205);
        Assert.Equal(10_240, Interlocked.Read(ref received));
    }

    // The bytes the stub sent reach the reader a moment later; a stub that ignored the
    // clock would have sent everything already and fail the ranges above.
    private static async Task<long> SettledAsync(Func<long> read)
    {
        var last = -1L;
        var current = read();
        while (current != last)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            (last, current) = (current, read());
        }

        return current;
    }
}
