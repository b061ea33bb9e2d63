namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// How one strategy was warmed at start: the passes run before its measuring pass, and the
/// methods the JIT compiled during and just after the last of them. A last pass at or under
/// <see cref="RunnerWarmUp.QuietCompiles"/> left its per-item path at its final tier.
/// </summary>
public sealed record StrategyWarmth(int Passes, long CompiledInLastPass, bool Settled);
