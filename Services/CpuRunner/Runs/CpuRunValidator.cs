using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.CpuRunner;

/// <summary>Checks a CPU request against CpuRunner's limits and fills in the study's defaults.</summary>
public sealed class CpuRunValidator(CpuRunnerOptions limits, IReadOnlyList<IStrategy> strategies)
{
    public const long DefaultStart = 5_000_000;
    public const int DefaultCount = 20;
    public const double DefaultSwitchIntervalMs = 5;
    public static readonly IReadOnlyList<int> DefaultWorkerCounts = [1, 2, 4, 8];

    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    public CpuRunPlan? Validate(CpuRunRequest request, RequestKind kind)
    {
        var strategy = ValidateStrategy(request.Strategy, kind);
        var start = request.Start ?? DefaultStart;
        if (start < 0 || start > limits.MaxN)
            Fail("start", $"start must be between 0 and {limits.MaxN:N0} (CpuRunner:MaxN); got {start:N0}.");
        var count = request.Count ?? DefaultCount;
        if (count < 1 || count > limits.MaxCount)
            Fail("count", $"count must be between 1 and {limits.MaxCount:N0}; got {count:N0}.");
        else if (start >= 0 && start + count - 1 > limits.MaxN)
            Fail("count", $"the largest n, start + count − 1, must be at most {limits.MaxN:N0} (CpuRunner:MaxN).");

        var cap = WorkerCap(strategy);
        if (request.Workers is { } workers && (workers < 1 || workers > cap))
            Fail("workers", $"workers must be between 1 and {cap:N0} for {strategy ?? "compare"}; got {workers:N0}.");
        var interval = request.SwitchIntervalMs ?? DefaultSwitchIntervalMs;
        if (double.IsNaN(interval) || interval < 0.1 || interval > limits.MaxSwitchIntervalMs)
            Fail("switchIntervalMs", $"switchIntervalMs must be between 0.1 and {limits.MaxSwitchIntervalMs:N0}; got {interval}.");
        else if (request.SwitchIntervalMs is not null && kind == RequestKind.Run && strategy is not null && strategy != StrategyNames.Gil)
            Fail("switchIntervalMs", "switchIntervalMs applies to the gil strategy only.");

        var (tracing, rounds) = MeasurementFields.Parse(request.Tracing, request.Rounds, count, kind, Fail);

        List<int> workerCounts = [];
        if (kind == RequestKind.Sweep)
        {
            workerCounts = request.WorkerCounts ?? [.. DefaultWorkerCounts];
            if (workerCounts.Count == 0 || workerCounts.Count > limits.MaxSweepPoints || workerCounts.Any(w => w < 1 || w > cap))
                Fail("workerCounts", $"workerCounts must list 1 to {limits.MaxSweepPoints} worker counts (CpuRunner:MaxSweepPoints), each between 1 and {cap:N0}.");
        }
        else if (request.WorkerCounts is not null)
        {
            Fail("workerCounts", "workerCounts belongs to POST /cpu/sweep only.");
        }

        if (_errors.Count > 0)
            return null;
        // Workers stay as asked (0: not given): CpuRunService.SettingsFor is the one place that
        // fills in each strategy's default and applies its cap, for runs, compares and sweeps.
        var resolved = request.Workers ?? 0;
        return new CpuRunPlan(strategy ?? "", new StrategySettings(resolved, SwitchIntervalMs: interval, Tracing: tracing), start, count, workerCounts, rounds);
    }

    /// <summary>The most workers a strategy may have, by its kind (null: a compare, where every strategy shares them).</summary>
    private int WorkerCap(string? strategy) => strategy is null
        ? strategies.Min(candidate => limits.LimitFor(candidate.WorkerKind).Max)
        : limits.LimitFor(strategies.First(candidate => candidate.Name == strategy).WorkerKind).Max;

    private string? ValidateStrategy(string? strategy, RequestKind kind)
    {
        if (kind == RequestKind.Compare)
        {
            if (strategy is not null)
                Fail("strategy", "compare runs every strategy; leave strategy out.");
            return null;
        }

        var name = strategy?.Trim().ToLowerInvariant();
        if (name is null || strategies.All(candidate => candidate.Name != name))
        {
            Fail("strategy", $"strategy must be one of {string.Join(", ", strategies.Select(candidate => candidate.Name))}; got '{(strategy is null ? "nothing" : ProblemText.Quote(strategy))}'.");
            return null;
        }

        return name;
    }

    private void Fail(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}
