namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>How a strategy's worker count is chosen (StrategySettingsResolver applies it).</summary>
public enum WorkerRule
{
    /// <summary>The workers asked, else the runner's default for its kind, never past the cap for its kind.</summary>
    Asked,

    /// <summary>Always one (sequential, the CPU event loop).</summary>
    One,

    /// <summary>One per item in flight: every item, or maxConcurrency (IO async).</summary>
    EveryItem,
}
