using System.Globalization;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// The study's published timings (shared docs, seed-study.md), seconds per run, for the
/// benchmarks' tables and the lab page's reference series. They compare with the lab's
/// runs at the study's settings: IO with profile=seed and 80 repeats, CPU with start
/// 5,000,000 and count 20.
/// </summary>
public static class StudyFigures
{
    /// <param name="Workers">The study's worker count where it varied it (IO threads), else null.</param>
    public sealed record Published(string Workload, string Strategy, int? Workers, IReadOnlyList<double> Runs)
    {
        public double Mean => Runs.Average();

        /// <summary>Every run, as the study printed them: "46.07 / 45.65".</summary>
        public string Text => string.Join(" / ", Runs.Select(run => run.ToString("0.00", CultureInfo.InvariantCulture)));
    }

    public static readonly IReadOnlyList<Published> All =
    [
        new("io", StrategyNames.Sequential, null, [46.07, 45.65]),
        new("io", StrategyNames.Threads, 5, [9.75, 9.33]),
        new("io", StrategyNames.Threads, 10, [5.14, 5.23]),
        new("io", StrategyNames.Threads, 15, [4.06, 3.78]),
        new("io", StrategyNames.Threads, 20, [3.06, 3.21]),
        new("io", StrategyNames.Threads, 30, [2.63, 2.40]),
        new("io", StrategyNames.Processes, null, [15.05, 12.24]),
        new("cpu", StrategyNames.Sequential, null, [10.75, 10.41]),
        new("cpu", StrategyNames.Threads, null, [11.09]),
        new("cpu", StrategyNames.Processes, null, [6.08, 5.98, 5.90]),
    ];

    /// <summary>The study's IO threads runs by worker count: its only sweep.</summary>
    public static IReadOnlyList<Published> IoThreads => [.. All.Where(figure => figure is { Workload: "io", Strategy: StrategyNames.Threads })];

    /// <summary>The figure published for exactly this strategy (and worker count, where the study varied it).</summary>
    public static Published? Find(string workload, string strategy, int? workers = null) =>
        All.SingleOrDefault(figure => figure.Workload == workload && figure.Strategy == strategy && figure.Workers == workers);
}
