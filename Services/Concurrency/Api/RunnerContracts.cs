using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

public enum RequestKind
{
    Run,
    Compare,
    Sweep,
}

/// <summary>A validated request of one runner: defaults filled in, ready to run.</summary>
public interface IRunPlan
{
    string Strategy { get; }

    StrategySettings Settings { get; }

    /// <summary>The sweep's worker counts; empty otherwise.</summary>
    IReadOnlyList<int> WorkerCounts { get; }

    /// <summary>How many times a compare or sweep measures each of its runs.</summary>
    int Rounds { get; }

    /// <summary>The request as reports show it.</summary>
    object Describe();
}

/// <summary>What a runner (IO, CPU) plugs into the shared runs API.</summary>
public interface IRunner
{
    /// <summary>"io" or "cpu".</summary>
    string Workload { get; }

    /// <summary>Every strategy, in the order compare runs them.</summary>
    IReadOnlyList<IStrategy> Strategies { get; }

    RunRegistry Registry { get; }

    /// <summary>Reads and checks a request body; the plan, or a ProblemDetails saying what is wrong.</summary>
    Task<PreparedRun> PrepareAsync(HttpRequest http, RequestKind kind, CancellationToken cancellationToken);

    /// <summary>Starts one run of the plan with this strategy and these settings.</summary>
    Run Start(RunAdmission.Place? place, IRunPlan plan, IStrategy strategy, StrategySettings settings);

    /// <summary>A tiny, untraced plan that runs this strategy's code paths once, before the runner reports healthy.</summary>
    /// <remarks>One plan for every strategy, as a compare's: each run gets its strategy's settings from SettingsFor.</remarks>
    Task<IRunPlan> WarmUpPlanAsync(CancellationToken cancellationToken);

    /// <summary>The settings a strategy gets in a compare, or in a sweep at a worker count.</summary>
    StrategySettings SettingsFor(IStrategy strategy, IRunPlan plan, int? workers = null);

    /// <summary>The plan's first few items, untraced: a sweep's sequential probe, whose items' time predicts the sweep.</summary>
    IRunPlan ProbeOf(IRunPlan plan);
}

/// <summary>
/// A runner with its own plan type: it implements Start and SettingsFor on its plan, and
/// this interface makes the one cast from the shared API's IRunPlan.
/// </summary>
public interface IRunner<TPlan> : IRunner where TPlan : IRunPlan
{
    Run Start(RunAdmission.Place? place, TPlan plan, IStrategy strategy, StrategySettings settings);

    StrategySettings SettingsFor(IStrategy strategy, TPlan plan, int? workers = null);

    TPlan ProbeOf(TPlan plan);

    Run IRunner.Start(RunAdmission.Place? place, IRunPlan plan, IStrategy strategy, StrategySettings settings) =>
        Start(place, (TPlan)plan, strategy, settings);

    StrategySettings IRunner.SettingsFor(IStrategy strategy, IRunPlan plan, int? workers) =>
        SettingsFor(strategy, (TPlan)plan, workers);

    IRunPlan IRunner.ProbeOf(IRunPlan plan) => ProbeOf((TPlan)plan);
}

public sealed record PreparedRun(IRunPlan? Plan, IResult? Problem)
{
    /// <summary>The plan when validation found nothing wrong, else a 400 listing every error.</summary>
    public static PreparedRun From(IRunPlan? plan, IReadOnlyDictionary<string, string[]> errors) =>
        plan is not null && errors.Count == 0 ? new(plan, null) : new(null, Problems.Fields(errors.ToDictionary()));
}
