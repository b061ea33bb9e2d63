namespace ConcurrencyLab.Gateway.Lab.Charts;

/// <summary>
/// The study's published timings (shared docs, seed-study.md), seconds per run, for the
/// reference series. They compare with the lab's runs at the study's settings: IO with
/// profile=seed and 80 repeats, CPU with start 5,000,000 and count 20.
/// </summary>
public static class StudyFigures
{
    /// <summary>IO threads by worker count: the study's only sweep.</summary>
    public static readonly IReadOnlyList<(int Workers, double Run1, double Run2)> IoThreads =
    [
        (5, 9.75, 9.33),
        (10, 5.14, 5.23),
        (15, 4.06, 3.78),
        (20, 3.06, 3.21),
        (30, 2.63, 2.40),
    ];

    /// <summary>Single published figures (mean of the study's runs) by workload and strategy.</summary>
    public static double? Single(string workload, string strategy) => (workload, strategy) switch
    {
        ("io", "sequential") => (46.07 + 45.65) / 2,
        ("io", "processes") => (15.05 + 12.24) / 2,
        ("cpu", "sequential") => (10.75 + 10.41) / 2,
        // The study's threads ran under the GIL: the lab's gil strategy, and its threads' contrast.
        ("cpu", "threads" or "gil") => 11.09,
        ("cpu", "processes") => (6.08 + 5.98 + 5.90) / 3,
        _ => null,
    };
}
