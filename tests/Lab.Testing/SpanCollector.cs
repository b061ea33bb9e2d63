using System.Collections;
using System.Diagnostics;

namespace ConcurrencyLab.Testing;

/// <summary>
/// A thread-safe span list for OpenTelemetry's in-memory exporter: spans end on any
/// thread while a test reads them, and span listeners are process-wide, so tests read
/// their own trace through Trace(id).
/// </summary>
public sealed class SpanCollector : ICollection<Activity>
{
    private readonly List<Activity> _spans = [];
    private readonly Lock _lock = new();

    public int Count
    {
        get
        {
            lock (_lock)
                return _spans.Count;
        }
    }

    public bool IsReadOnly => false;

    /// <summary>The spans of one trace, each once (two in-process apps may both export a span).</summary>
    public List<Activity> Trace(ActivityTraceId traceId)
    {
        lock (_lock)
            return _spans.Where(span => span.TraceId == traceId).DistinctBy(span => span.SpanId).ToList();
    }

    public List<Activity> Trace(string? traceId) => traceId is null ? [] : Trace(ActivityTraceId.CreateFromString(traceId));

    public void Add(Activity item)
    {
        lock (_lock)
            _spans.Add(item);
    }

    public void Clear()
    {
        lock (_lock)
            _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_lock)
            return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_lock)
            _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_lock)
            return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator()
    {
        lock (_lock)
            return _spans.ToList().GetEnumerator();
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
