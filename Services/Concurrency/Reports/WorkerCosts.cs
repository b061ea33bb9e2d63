namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// What a strategy's workers cost beside the items, as the runner measured it in its
/// recent warm runs: start-up per run (worker processes started, replica connections
/// opened) and dispatch per item (a pipe or HTTP round trip). Predictions add them.
/// </summary>
public sealed record WorkerCosts(IReadOnlyDictionary<string, double> StartupMs, IReadOnlyDictionary<string, double> DispatchMs)
{
    public static readonly WorkerCosts None = new(new Dictionary<string, double>(), new Dictionary<string, double>());

    public double? StartupOf(string strategy) => StartupMs.TryGetValue(strategy, out var ms) ? ms : null;

    public double DispatchOf(string strategy) => DispatchMs.GetValueOrDefault(strategy);
}
