namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// The items still to do, handed out once each to whichever worker asks first: the
/// thread-safe queue that the study's executor keeps inside its pool.
/// </summary>
public sealed class ItemQueue(int count)
{
    private int _next = -1;

    /// <summary>Items not yet handed out.</summary>
    public int Remaining => Math.Max(count - Volatile.Read(ref _next) - 1, 0);

    public bool TryTake(out int index)
    {
        index = Interlocked.Increment(ref _next);
        return index < count;
    }
}
