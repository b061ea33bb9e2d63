namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>How a strategy should run: the knobs every request shares.</summary>
/// <param name="Workers">Threads, pool slots or processes.</param>
/// <param name="MaxConcurrency">The async strategy's cap; null = every item at once.</param>
/// <param name="ClientPerWorker">One session per worker (the study's thread-local session) instead of one shared.</param>
/// <param name="SwitchIntervalMs">The gil strategy's hand-over interval.</param>
/// <param name="Tracing">What the run traces (TracePolicy); every item is counted in the metrics whatever it says.</param>
/// <param name="MaxConnections">The cap on the connections of the HttpClient the workers share; null = none.</param>
public sealed record StrategySettings(
    int Workers, int? MaxConcurrency = null, bool ClientPerWorker = false, double SwitchIntervalMs = 5, TraceMode Tracing = TraceMode.Sampled,
    int? MaxConnections = null);
