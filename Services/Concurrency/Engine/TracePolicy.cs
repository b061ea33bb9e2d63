using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>How much of a run is traced (the request's `tracing`).</summary>
public enum TraceMode
{
    /// <summary>The default: every run's root span, full detail for the first items, item spans for a sample beyond.</summary>
    Sampled,

    /// <summary>Every item with its client and server spans (small runs only).</summary>
    Full,

    /// <summary>Every item's own span, without client and server spans.</summary>
    Items,

    /// <summary>The root span only: for measuring what tracing costs, never the default.</summary>
    Off,
}

/// <summary>What one item gets traced with.</summary>
public enum ItemTrace
{
    None,
    /// <summary>The item's span, with nothing below it (its calls out are not traced).</summary>
    Span,
    /// <summary>The item's span with its client and server spans.</summary>
    Detail,
}

/// <summary>
/// The trace budget: each mode's limits, and the words requests use for the modes. The
/// budget keeps the lab's own telemetry (spans made, exported to a dashboard on the same
/// cores) a small share of what it measures, and within what the exporter's queue holds.
/// </summary>
public static class TracePolicy
{
    /// <summary>Sampled: the first items traced with every span below them.</summary>
    public const int DetailedItems = 500;

    /// <summary>Sampled: item spans, spread evenly over the rest of the run.</summary>
    public const int SampledItems = 500;

    /// <summary>Sampled: the first item of each lane is traced, so every worker shows, up to this many lanes.</summary>
    public const int LanesShown = 600;

    /// <summary>Full: the most items a run may trace with every span (three spans each: item, client, server).</summary>
    public const int MaxFullItems = 2_000;

    /// <summary>Items: the most items a run may trace with one span each.</summary>
    public const int MaxItemSpans = 10_000;

    // In TraceMode's order: a mode's name is Names[(int)mode].
    private static readonly string[] ModeNames = ["sampled", "full", "items", "off"];

    public static IReadOnlyList<string> Names => ModeNames;

    public static string NameOf(TraceMode mode) => Names[(int)mode];

    /// <summary>The mode a request names (default: sampled), or an error naming the field and its limit.</summary>
    public static TraceMode? Parse(string? value, int items, out string? error)
    {
        error = null;
        var index = value is null ? 0 : Array.IndexOf(ModeNames, value.Trim().ToLowerInvariant());
        if (index < 0)
        {
            error = $"tracing must be one of {string.Join(", ", Names)}; got '{ProblemText.Quote(value!)}'.";
            return null;
        }

        var mode = (TraceMode)index;
        if (mode == TraceMode.Full && items > MaxFullItems)
            error = $"tracing 'full' traces at most {MaxFullItems:N0} items (three spans each); this run has {items:N0}: use 'sampled' or 'items'.";
        else if (mode == TraceMode.Items && items > MaxItemSpans)
            error = $"tracing 'items' traces at most {MaxItemSpans:N0} items; this run has {items:N0}: use 'sampled'.";
        return error is null ? mode : null;
    }
}
