using System.Collections.Concurrent;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// Decides, item by item, what a run traces under its mode, and counts what it traced.
/// The decision depends only on the item's index and lane, never on timing: the same run
/// traces the same items.
/// </summary>
public sealed class ItemTracing(TraceMode mode, int itemCount)
{
    private readonly ConcurrentDictionary<string, byte> _lanesShown = new();
    // Sampled: one item in every `_stride` beyond the detailed ones gets its span.
    private readonly int _stride = Math.Max(1, (int)Math.Ceiling((itemCount - TracePolicy.DetailedItems) / (double)TracePolicy.SampledItems));
    private int _traced;
    private int _detailed;

    public TraceMode Mode { get; } = mode;

    public int Traced => Volatile.Read(ref _traced);

    public int Detailed => Volatile.Read(ref _detailed);

    public ItemTrace Decide(int index, string lane)
    {
        var trace = Mode switch
        {
            TraceMode.Full => ItemTrace.Detail,
            TraceMode.Items => ItemTrace.Span,
            TraceMode.Off => ItemTrace.None,
            _ => Sample(index, lane),
        };
        if (trace != ItemTrace.None)
            Interlocked.Increment(ref _traced);
        if (trace == ItemTrace.Detail)
            Interlocked.Increment(ref _detailed);
        return trace;
    }

    private ItemTrace Sample(int index, string lane)
    {
        var firstOfLane = IsFirstOfLane(lane);
        if (index < TracePolicy.DetailedItems)
            return ItemTrace.Detail;
        return firstOfLane || (index - TracePolicy.DetailedItems) % _stride == 0 ? ItemTrace.Span : ItemTrace.None;
    }

    private bool IsFirstOfLane(string lane) =>
        !_lanesShown.ContainsKey(lane) && _lanesShown.Count < TracePolicy.LanesShown && _lanesShown.TryAdd(lane, 0);
}
