using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.CpuRunner;

/// <summary>The CPU experiment's strategies, in the order compare runs them.</summary>
public static class CpuStrategies
{
    /// <param name="replicas">Where the replicas strategy sends its items, asked when a run starts (the runner's own address is known only then).</param>
    /// <param name="grains">This process's silo's grain factory (the orleans strategy's calls).</param>
    public static IReadOnlyList<IStrategy> Create(Func<ReplicaTarget> replicas, IGrainFactory grains) =>
    [
        new SequentialStrategy(),
        new ThreadsStrategy("W dedicated OS threads taking numbers from a shared queue. .NET has no interpreter lock: they compute in parallel, one per core."),
        new EventLoopStrategy(),
        new GilStrategy(),
        new ProcessesStrategy(),
        new ReplicasStrategy(replicas),
        new OrleansStrategy(grains),
    ];
}
