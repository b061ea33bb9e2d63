using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.IoRunner;

/// <summary>The IO experiment's strategies, in the order compare runs them.</summary>
public static class IoStrategies
{
    public static readonly IReadOnlyList<IStrategy> All =
    [
        new SequentialStrategy(),
        new ThreadsStrategy(
            "W dedicated OS threads taking downloads from a shared queue, each blocking in HttpClient.Send: the study's executor. "
            + ".NET's HttpClient is thread-safe, so the threads share one by default; clientPerWorker: true gives each its own, like the study's thread-local sessions."),
        new ThreadPoolStrategy(),
        new AsyncStrategy(),
        new ProcessesStrategy(),
    ];

    public static readonly IReadOnlyList<string> Names = All.Select(strategy => strategy.Name).ToList();
}
