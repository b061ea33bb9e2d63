namespace ConcurrencyLab.SiteStub.Tests;

public sealed class FifoGateTests
{
    [Fact]
    public async Task PlacesPassToWaitersInArrivalOrder()
    {
        var gate = new FifoGate(capacity: 2);
        var cancel = TestContext.Current.CancellationToken;
        var first = await gate.EnterAsync(cancel);
        var second = await gate.EnterAsync(cancel);
        var waiters = Enumerable.Range(0, 4).Select(_ => gate.EnterAsync(cancel).AsTask()).ToList();
        Assert.Equal(4, gate.Waiting);
        Assert.All(waiters, waiter => Assert.False(waiter.IsCompleted));

        // Each release lets exactly the longest-waiting one in, and no one else.
        first.Dispose();
        var third = await waiters[0];
        Assert.All(waiters.Skip(1), waiter => Assert.False(waiter.IsCompleted));
        second.Dispose();
        var fourth = await waiters[1];
        Assert.All(waiters.Skip(2), waiter => Assert.False(waiter.IsCompleted));
        third.Dispose();
        var fifth = await waiters[2];
        Assert.False(waiters[3].IsCompleted);
        fourth.Dispose();
        (await waiters[3]).Dispose();
        fifth.Dispose();

        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task NoMoreThanCapacityHoldAPlaceAtOnce()
    {
        var gate = new FifoGate(capacity: 3);
        var holding = 0;
        var peak = 0;

        await Task.WhenAll(Enumerable.Range(0, 50).Select(async _ =>
        {
            using var slot = await gate.EnterAsync(TestContext.Current.CancellationToken);
            var now = Interlocked.Increment(ref holding);
            InterlockedMax(ref peak, now);
            await Task.Yield();
            Interlocked.Decrement(ref holding);
        }));

        Assert.Equal(3, peak);
        Assert.Equal(0, gate.Waiting);
    }

    [Fact]
    public async Task AWaiterThatGivesUpLeavesTheLineAndTheNextOneGetsThePlace()
    {
        var gate = new FifoGate(capacity: 1);
        var cancel = TestContext.Current.CancellationToken;
        var holder = await gate.EnterAsync(cancel);
        using var givesUp = new CancellationTokenSource();
        var quitter = gate.EnterAsync(givesUp.Token).AsTask();
        var patient = gate.EnterAsync(cancel).AsTask();

        await givesUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => quitter);
        Assert.Equal(1, gate.Waiting);
        holder.Dispose();
        (await patient).Dispose();

        Assert.Equal(0, gate.Waiting);
        // The place is free again: a newcomer enters at once.
        Assert.True(gate.EnterAsync(cancel).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task CapacityZeroNeverWaits()
    {
        var gate = new FifoGate(capacity: 0);

        var slots = Enumerable.Range(0, 1000).Select(_ => gate.EnterAsync(TestContext.Current.CancellationToken)).ToList();

        Assert.All(slots, slot => Assert.True(slot.IsCompletedSuccessfully));
        foreach (var slot in slots)
            (await slot).Dispose();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
