using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.CpuRunner;

/// <summary>A validated CPU request: the numbers start … start + count − 1, and how to run them.</summary>
public sealed record CpuRunPlan(
    string Strategy,
    StrategySettings Settings,
    long Start,
    int Count,
    IReadOnlyList<int> WorkerCounts,
    int Rounds = 1) : IRunPlan
{
    public long NumberOf(int index) => Start + index;

    public object Describe() => new
    {
        strategy = Strategy,
        // Null: not asked, each strategy's default (a compare's or sweep's request).
        workers = Settings.Workers > 0 ? Settings.Workers : (int?)null,
        start = Start,
        count = Count,
        switchIntervalMs = Strategy == StrategyNames.Gil ? Settings.SwitchIntervalMs : (double?)null,
        tracing = TracePolicy.NameOf(Settings.Tracing),
        rounds = Rounds,
    };
}
