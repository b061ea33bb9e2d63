using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// An emulation of CPython's GIL: one lock that a thread must hold to compute. A holder
/// that has had it for the switch interval hands it over at its next checkpoint when
/// another thread is waiting. Waiters are served first come, first served (a ticket lock).
/// </summary>
public sealed class GlobalInterpreterLock(TimeSpan switchInterval)
{
    private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(50);
    private readonly object _gate = new();
    private long _nextTicket;
    private long _serving;
    private long _heldSince;

    /// <summary>Blocks until this thread holds the lock; returns how long it waited.</summary>
    public TimeSpan Acquire(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var ticket = Interlocked.Increment(ref _nextTicket) - 1;
        lock (_gate)
        {
            while (Volatile.Read(ref _serving) != ticket)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    // Leave the line without blocking those behind: the run is ending anyway.
                    Monitor.PulseAll(_gate);
                    cancellationToken.ThrowIfCancellationRequested();
                }

                Monitor.Wait(_gate, WaitSlice);
            }
        }

        Volatile.Write(ref _heldSince, Stopwatch.GetTimestamp());
        return Stopwatch.GetElapsedTime(started);
    }

    public void Release()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _serving);
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>
    /// Called by the holder at a checkpoint: hands the lock over if its interval is up and
    /// someone waits, then queues for it again. Returns how long it waited to get it back.
    /// </summary>
    public TimeSpan MaybeHandOver(CancellationToken cancellationToken)
    {
        var someoneWaits = Volatile.Read(ref _nextTicket) - 1 > Volatile.Read(ref _serving);
        if (!someoneWaits || Stopwatch.GetElapsedTime(Volatile.Read(ref _heldSince)) < switchInterval)
            return TimeSpan.Zero;
        Release();
        return Acquire(cancellationToken);
    }
}
