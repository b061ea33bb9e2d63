using System.Diagnostics;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Contracts;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.IoRunner;

/// <summary>The IO runner: turns IO requests into plans and starts their runs in the engine.</summary>
public sealed class IoRunService(
    RunRegistry registry,
    SiteStubLocator locator,
    IOptions<IoRunnerOptions> options,
    ILogger<IoRunService> logger) : IRunner<IoRunPlan>
{
    public static readonly ActivitySource Source = new(LabTelemetry.IoSource);

    public string Workload => "io";

    public IReadOnlyList<IStrategy> Strategies => IoStrategies.All;

    public RunRegistry Registry => registry;

    public async Task<PreparedRun> PrepareAsync(HttpRequest http, RequestKind kind, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<IoRunRequest>(http, options.Value.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return new PreparedRun(null, body.Problem);

        try
        {
            var siteStub = await locator.BaseAddressAsync(cancellationToken);
            var catalog = await locator.CatalogAsync(siteStub, cancellationToken);
            var validator = new IoRunValidator(options.Value, catalog, siteStub);
            var plan = validator.Validate(body.Value!, kind);
            // SiteStub names its own parameters' problems; they are listed with IoRunner's.
            var refused = await locator.CheckAsync(siteStub, catalog.Sites[0].Name,
                SiteStubQuery.Of(validator.SiteStubParameters, body.Value!.Seed), cancellationToken);
            return PreparedRun.From(plan, validator.Errors.Concat(refused).GroupBy(error => error.Key)
                .ToDictionary(field => field.Key, field => field.SelectMany(error => error.Value).ToArray()));
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "SiteStub is not reachable");
            return new PreparedRun(null, TypedResults.Problem(
                title: "SiteStub is not reachable",
                detail: "IoRunner could not read SiteStub's catalog or check the download parameters with it; is the sitestub resource running?",
                statusCode: StatusCodes.Status503ServiceUnavailable));
        }
    }

    public Run Start(RunAdmission.Place? place, IoRunPlan plan, IStrategy strategy, StrategySettings settings)
    {
        var runPlan = plan with { Strategy = strategy.Name, Settings = settings };
        var workload = new DownloadWorkload(runPlan, runPlan.SiteStub);
        var launcher = strategy.UsesWorkerProcesses ? IoWorker.Launcher(runPlan.SiteStub, runPlan.Timeout) : null;
        return registry.Start(place, workload, strategy, settings, runPlan.Describe(), launcher);
    }

    public async Task<IRunPlan> WarmUpPlanAsync(CancellationToken cancellationToken)
    {
        var siteStub = await locator.BaseAddressAsync(cancellationToken);
        var catalog = await locator.CatalogAsync(siteStub, cancellationToken);
        // 64 downloads: the per-download path gets past the JIT's call-count threshold in a pass or two.
        var request = new IoRunRequest { Repeat = 32, LatencyMs = 0, Tracing = "off" };
        return new IoRunValidator(options.Value, catalog, siteStub).Validate(request, RequestKind.Compare)
            ?? throw new InvalidOperationException("The warm-up plan is not valid.");
    }

    /// <summary>The request's workers where it gave some, else its strategy's default, within its kind's cap.</summary>
    // About six of the sweep's downloads, every site among them.
    public IoRunPlan ProbeOf(IoRunPlan plan) =>
        plan with { Repeat = Math.Min(plan.Repeat, Math.Max(1, 6 / plan.Sites.Count)), Settings = plan.Settings with { Tracing = TraceMode.Off }, Rounds = 1 };

    public StrategySettings SettingsFor(IStrategy strategy, IoRunPlan plan, int? workers = null) =>
        StrategySettingsResolver.Resolve(strategy, plan.Settings, workers, plan.Items, options.Value.LimitFor);
}
