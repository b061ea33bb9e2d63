namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// At most MaxConcurrentRuns places; a run, compare or sweep holds one from start to end.
/// Refuses at once rather than queueing: the caller gets a 429 and decides.
/// </summary>
public sealed class RunAdmission(int places)
{
    private int _taken;

    public int InUse => Volatile.Read(ref _taken);

    public Place? TryEnter()
    {
        while (true)
        {
            var taken = Volatile.Read(ref _taken);
            if (taken >= places)
                return null;
            if (Interlocked.CompareExchange(ref _taken, taken + 1, taken) == taken)
                return new Place(this);
        }
    }

    public sealed class Place(RunAdmission admission) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
                Interlocked.Decrement(ref admission._taken);
        }
    }
}
