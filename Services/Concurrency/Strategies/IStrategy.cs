using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>One concurrency model: decides where and when items run, nothing else.</summary>
public interface IStrategy
{
    string Name { get; }

    /// <summary>What runs its items (WorkerKinds): a runner caps and defaults its workers by kind.</summary>
    string WorkerKind { get; }

    /// <summary>How its worker count is chosen: always one, as asked (default, cap), or one per item.</summary>
    WorkerRule Workers => WorkerRule.Asked;

    /// <summary>
    /// Why it lost, where its own nature explains it (the verdict writes "X took …: " before
    /// it), or null to leave it to the verdict's general reasons.
    /// </summary>
    string? Lesson(RunReport loser, RunReport? sequential) => null;

    /// <summary>The wall time this strategy should take, from the sequential run's items; null where it has no model.</summary>
    double? PredictMs(PredictionInputs inputs) => null;

    /// <summary>
    /// What capped this run's overlap, where the cap is the strategy's own (its pool, its
    /// lock, its one thread); null leaves it to the general caps (Limiters).
    /// </summary>
    Limiter? Limit(RunReport run, int cores) => null;

    /// <summary>It starts worker processes, so the runner must give it a launcher.</summary>
    bool UsesWorkerProcesses => WorkerKind == WorkerKinds.Process;

    /// <summary>One line for GET /{w}/strategies.</summary>
    string Description { get; }

    /// <summary>The request fields this strategy reads.</summary>
    IReadOnlyList<string> Parameters { get; }

    /// <summary>How many items may be in flight at once, for the ideal time.</summary>
    int Concurrency(StrategySettings settings, int items);

    /// <summary>Runs every item; returns when all are done, or throws when cancelled.</summary>
    Task RunAsync(RunContext run, CancellationToken cancellationToken);
}
