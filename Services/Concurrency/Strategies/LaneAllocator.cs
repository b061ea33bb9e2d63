namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// Gives each in-flight task the lowest free lane number, so a timeline of overlapping
/// tasks draws as many rows as were ever in flight at once.
/// </summary>
public sealed class LaneAllocator
{
    private readonly SortedSet<int> _free = [];
    private readonly Lock _lock = new();
    private int _next;

    public int Take()
    {
        lock (_lock)
        {
            if (_free.Count == 0)
                return _next++;
            var lane = _free.Min;
            _free.Remove(lane);
            return lane;
        }
    }

    public void Return(int lane)
    {
        lock (_lock)
            _free.Add(lane);
    }
}
