using Microsoft.Extensions.Time.Testing;

namespace ConcurrencyLab.SiteStub.Tests;

/// <summary>
/// A fake clock that also counts the timers created on it, so a test can wait until every
/// request has started its wait before it moves the clock on.
/// </summary>
public sealed class CountingFakeTime : FakeTimeProvider
{
    private int _timers;

    public int TimersCreated => Volatile.Read(ref _timers);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        Interlocked.Increment(ref _timers);
        return base.CreateTimer(callback, state, dueTime, period);
    }

    public async Task WaitForTimersAsync(int count)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (TimersCreated < count)
            await Task.Delay(5, timeout.Token);
    }
}
