namespace ConcurrencyLab.IoRunner;

/// <summary>The README's IoRunner request bodies, shown as examples in the API reference (a test keeps the two the same).</summary>
public static class IoRequestExamples
{
    public static readonly IReadOnlyList<RequestExample> All =
    [
        new("/io/runs", "Threads, 10 workers", """{"strategy": "threads", "workers": 10, "latencyMs": 100}"""),
        new("/io/runs", "The study's settings, one at a time", """{"strategy": "sequential", "profile": "seed"}"""),
        new("/io/runs", "async, 10,000 downloads", """{"strategy": "async", "sites": ["dice"], "repeat": 10000, "latencyMs": 100}"""),
        new("/io/runs", "async, 10,000 downloads, untraced", """{"strategy": "async", "sites": ["dice"], "repeat": 10000, "latencyMs": 100, "tracing": "off"}"""),
        new("/io/compare", "Every strategy, 10 workers", """{"workers": 10, "latencyMs": 100}"""),
        new("/io/compare", "Five rounds", """{"workers": 10, "latencyMs": 100, "repeat": 20, "rounds": 5}"""),
        new("/io/compare", "Against a baseline", """{"repeat": 10, "latencyMs": 50, "rounds": 5}"""),
        new("/io/sweep", "Threads over worker counts", """{"strategy": "threads", "latencyMs": 100}"""),
    ];
}
