namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// Counts work in progress and remembers the highest count seen, so that overlap is
/// measured, never assumed. Thread-safe and lock-free.
/// </summary>
public sealed class InFlightGauge
{
    private long _current;
    private long _peak;

    public long Current => Interlocked.Read(ref _current);

    public long Peak => Interlocked.Read(ref _peak);

    /// <summary>Marks one item as started; dispose the result when it ends.</summary>
    public Scope Enter()
    {
        var now = Interlocked.Increment(ref _current);
        RaisePeak(now);
        return new Scope(this);
    }

    /// <summary>Forgets the peak, keeping the items still in flight as the new peak.</summary>
    public void ResetPeak() => Interlocked.Exchange(ref _peak, Current);

    private void RaisePeak(long candidate)
    {
        var seen = Interlocked.Read(ref _peak);
        while (candidate > seen)
        {
            var previous = Interlocked.CompareExchange(ref _peak, candidate, seen);
            if (previous == seen)
                return;
            seen = previous;
        }
    }

    private void Exit() => Interlocked.Decrement(ref _current);

    public readonly struct Scope(InFlightGauge gauge) : IDisposable
    {
        public void Dispose() => gauge.Exit();
    }
}
