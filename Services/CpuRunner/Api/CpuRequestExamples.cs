namespace ConcurrencyLab.CpuRunner;

/// <summary>The README's CpuRunner request bodies, shown as examples in the API reference (a test keeps the two the same).</summary>
public static class CpuRequestExamples
{
    public static readonly IReadOnlyList<RequestExample> All =
    [
        new("/cpu/runs", "Threads, 2 workers", """{"strategy": "threads", "workers": 2}"""),
        new("/cpu/runs", "CPython's lock, simulated", """{"strategy": "gil", "workers": 2, "switchIntervalMs": 5}"""),
        new("/cpu/runs", "Fan out over the replicas", """{"strategy": "replicas", "workers": 2, "start": 50000000}"""),
        new("/cpu/runs", "Fan out on the Orleans cluster", """{"strategy": "orleans", "workers": 2, "start": 500000000}"""),
        new("/cpu/compare", "Every strategy at 10x the study's sizes", """{"start": 50000000, "count": 20, "workers": 2}"""),
        new("/cpu/sweep", "Threads over worker counts", """{"strategy": "threads", "workerCounts": [1, 2, 4, 8], "start": 50000000, "rounds": 3}"""),
        new("/cpu/work", "One kernel call", """{"n": 5000000}"""),
        new("/cpu/work", "Bad input: a 400 naming n and its limit", """{"n": -1}"""),
    ];
}
