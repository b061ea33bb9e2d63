using ConcurrencyLab.Concurrency.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// Runs every strategy once, tiny and untraced, when the runner starts, and reports the
/// runner unhealthy until that is done: JIT compilation, first connections and first
/// worker processes are then not charged to the user's first run. The warm-up runs are
/// forgotten afterwards.
/// </summary>
public sealed class RunnerWarmUp(IRunner runner, IConfiguration configuration, ILogger<RunnerWarmUp> logger) : BackgroundService, IHealthCheck
{
    public const string HealthCheckName = "warm-up";
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(30);
    private volatile bool _done;

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
            // Twice: the first pass pays for JIT compilation and first connections; the second
            // measures what a warm run's workers cost (start-up, dispatch), which predictions keep.
            foreach (var strategy in runner.Strategies.Concat(runner.Strategies))
            {
                try
                {
                    var run = runner.Start(null, plan, strategy, runner.SettingsFor(strategy, plan));
                    await run.Finished.WaitAsync(RunLimit, stoppingToken);
                    await runner.Registry.ForgetAsync(run);
                    logger.LogInformation("Warmed {Strategy} in {WallMs:0} ms ({Status})", strategy.Name, run.FinalWallMs, run.Status);
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    // A strategy that cannot warm (a replica not up yet) is measured cold, and says so.
                    logger.LogWarning(error, "Could not warm {Strategy}", strategy.Name);
                }
            }
        }
        finally
        {
            _done = true;
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
