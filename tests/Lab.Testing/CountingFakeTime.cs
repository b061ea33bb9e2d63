using Microsoft.Extensions.Time.Testing;

namespace ConcurrencyLab.Testing;

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

    public Task WaitForTimersAsync(int count, CancellationToken cancellationToken) =>
        Eventually.HoldsAsync(() => TimersCreated >= count, cancellationToken);

    /// <summary>
    /// Moves the clock on by step until the work is done (bounded), for waits whose timers
    /// may start a moment after the test looked: one step too few would leave them
    /// waiting forever on a clock that no longer moves.
    /// </summary>
    public async Task AdvanceUntilAsync(Task done, TimeSpan step, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (!done.IsCompleted)
        {
            Advance(step);
            await Task.WhenAny(done, Task.Delay(20, timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
        }

        await done;
    }
}
