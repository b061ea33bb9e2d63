using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class SingleThreadSchedulerTests
{
    [Fact]
    public async Task DisposedFromItsOwnLoopItFinishesTheLoopAndReportsItsCpu()
    {
        var loop = new SingleThreadScheduler("test-loop");
        var ranOn = "";

        // A continuation on the loop disposes it, as a cancelled run's last await can: the loop
        // must end cleanly (it once disposed its queue under its own feet and took the process down).
        await Task.Factory.StartNew(() =>
        {
            ranOn = Thread.CurrentThread.Name!;
            loop.Dispose();
        }, CancellationToken.None, TaskCreationOptions.None, loop);

        await Eventually.HoldsAsync(() => loop.CpuTime is not null, TestContext.Current.CancellationToken);
        Assert.Equal("test-loop", ranOn);
        loop.Dispose();
    }

    [Fact]
    public async Task TasksRunOneAtATimeInOrderOnTheLoopThread()
    {
        using var loop = new SingleThreadScheduler("order-loop");
        var seen = new List<(int Index, string? Thread)>();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(index => Task.Factory.StartNew(
            () => seen.Add((index, Thread.CurrentThread.Name)), CancellationToken.None, TaskCreationOptions.None, loop)));

        Assert.Equal([0, 1, 2, 3, 4], seen.Select(entry => entry.Index));
        Assert.All(seen, entry => Assert.Equal("order-loop", entry.Thread));
    }
}
