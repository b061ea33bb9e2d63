using System.Collections.Concurrent;
using System.Runtime;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Strategies;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// Runs every strategy, small and untraced, when the runner starts, and reports the runner
/// unhealthy until that is done: JIT compilation, first connections and first worker
/// processes are then not charged to the user's runs. Warm means compiled at the final
/// tier: the runtime recompiles a method, on a background thread that takes a core from
/// the items, only after some 30 calls (twice, with its profiling tier), so each strategy
/// runs until a pass compiles next to nothing. The warm-up runs are forgotten afterwards.
/// </summary>
public sealed class RunnerWarmUp(IRunner runner, IConfiguration configuration, ILogger<RunnerWarmUp> logger) : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "warm-up";

    /// <summary>A pass with at most this many JIT compilations (the lab's background work compiles a few) leaves the strategy warm.</summary>
    public const int QuietCompiles = 20;

    /// <summary>At most this many warming passes per strategy, then its measuring pass regardless.</summary>
    public const int MaxWarmingPasses = 8;

    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(30);

    // Longer than the runtime's call-counting delay (100 ms), so the recompilations a pass triggers land in its count.
    private static readonly TimeSpan TierUpSettle = TimeSpan.FromMilliseconds(300);
    private readonly ConcurrentDictionary<string, StrategyWarmth> _warmth = new();
    private volatile bool _done;

    /// <summary>How each strategy was warmed; empty until the warm-up ran (and always with Lab:WarmUp=false).</summary>
    public IReadOnlyDictionary<string, StrategyWarmth> Warmth => _warmth;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_done ? HealthCheckResult.Healthy("warm") : HealthCheckResult.Unhealthy("warming up every strategy"));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Lab:WarmUp=false: tests that count their own runs' requests.
            if (!configuration.GetValue("Lab:WarmUp", true))
                return;
            if (await PlanAsync(stoppingToken) is not { } plan)
                return;
            foreach (var strategy in runner.Strategies)
                _warmth[strategy.Name] = await WarmAsync(plan, strategy, stoppingToken);
            // Then one more pass each, warm, whose worker costs (start-up, dispatch) predictions keep.
            foreach (var strategy in runner.Strategies)
                await RunOnceAsync(plan, strategy, stoppingToken);
        }
        finally
        {
            _done = true;
        }
    }

    private async Task<StrategyWarmth> WarmAsync(IRunPlan plan, IStrategy strategy, CancellationToken stoppingToken)
    {
        var compiled = 0L;
        for (var pass = 1; pass <= MaxWarmingPasses; pass++)
        {
            var before = JitInfo.GetCompiledMethodCount();
            if (!await RunOnceAsync(plan, strategy, stoppingToken))
                return new StrategyWarmth(pass, compiled, Settled: false);
            await Task.Delay(TierUpSettle, stoppingToken);
            compiled = JitInfo.GetCompiledMethodCount() - before;
            logger.LogInformation("Warming {Strategy}: pass {Pass} compiled {Compiled} methods", strategy.Name, pass, compiled);
            if (compiled <= QuietCompiles)
                return new StrategyWarmth(pass, compiled, Settled: true);
        }

        return new StrategyWarmth(MaxWarmingPasses, compiled, Settled: false);
    }

    // False when the strategy could not run (a replica not up yet): it is then measured cold, and says so.
    private async Task<bool> RunOnceAsync(IRunPlan plan, IStrategy strategy, CancellationToken stoppingToken)
    {
        try
        {
            var run = runner.Start(null, plan, strategy, runner.SettingsFor(strategy, plan));
            await run.Finished.WaitAsync(RunLimit, stoppingToken);
            await runner.Registry.ForgetAsync(run);
            logger.LogInformation("Warmed {Strategy} in {WallMs:0} ms ({Status})", strategy.Name, run.FinalWallMs, run.Status);
            return true;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not warm {Strategy}", strategy.Name);
            return false;
        }
    }

    // One plan for every strategy; without one (SiteStub not up), every strategy is measured cold and says so.
    private async Task<IRunPlan?> PlanAsync(CancellationToken stoppingToken)
    {
        try
        {
            return await runner.WarmUpPlanAsync(stoppingToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            logger.LogWarning(error, "Could not plan the warm-up");
            return null;
        }
    }
}
