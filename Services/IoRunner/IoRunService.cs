using System.Diagnostics;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.IoRunner;

/// <summary>Turns IO requests into plans and starts their runs in the engine.</summary>
public sealed class IoRunService(
    RunRegistry registry,
    SiteStubLocator locator,
    ServiceInstance instance,
    IOptions<IoRunnerOptions> options,
    ILogger<IoRunService> logger)
{
    private static readonly ActivitySource Source = new(LabTelemetry.IoSource);

    public RunRegistry Registry => registry;

    /// <summary>Reads, checks and plans a request; or says, as ProblemDetails, what is wrong.</summary>
    public async Task<Prepared> PrepareAsync(HttpRequest http, IoRequestKind kind, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<IoRunRequest>(http, options.Value.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return new Prepared(null, null, body.Problem);

        Uri siteStub;
        SiteStubCatalog catalogue;
        try
        {
            siteStub = await locator.BaseAddressAsync(cancellationToken);
            catalogue = await locator.CatalogueAsync(siteStub, cancellationToken);
        }
        catch (Exception error) when (error is HttpRequestException or InvalidOperationException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(error, "SiteStub is not reachable");
            return new Prepared(null, null, TypedResults.Problem(
                title: "SiteStub is not reachable",
                detail: "IoRunner could not read SiteStub's catalogue; is the sitestub resource running?",
                statusCode: StatusCodes.Status503ServiceUnavailable));
        }

        var validator = new IoRunValidator(options.Value, catalogue);
        var plan = validator.Validate(body.Value!, kind);
        return plan is null
            ? new Prepared(null, null, Problems.Fields(validator.Errors.ToDictionary()))
            : new Prepared(plan, siteStub, null);
    }

    public Run Start(RunAdmission.Place? place, IoRunPlan plan, Uri siteStub, IStrategy strategy, StrategySettings settings)
    {
        var runPlan = plan with { Strategy = strategy.Name, Settings = settings };
        var workload = new DownloadWorkload(runPlan, siteStub);
        var launcher = strategy.Name == "processes" ? IoWorker.Launcher(siteStub, plan.Timeout) : null;
        return registry.Start(place, workload, strategy, settings, runPlan.Describe(), Source, "io.run", launcher, instance.Instance);
    }

    /// <summary>
    /// The settings a strategy gets in a compare or a sweep: the request's workers where it
    /// gave some (processes capped at MaxProcesses), else each strategy's default.
    /// </summary>
    public StrategySettings SettingsFor(IStrategy strategy, IoRunPlan plan, int? workers = null)
    {
        var requested = workers ?? plan.RequestedWorkers;
        return strategy.Name switch
        {
            "sequential" => plan.Settings with { Workers = 1, MaxConcurrency = null },
            "async" => plan.Settings with { Workers = plan.Settings.MaxConcurrency ?? plan.Items },
            "processes" => plan.Settings with
            {
                Workers = Math.Min(requested ?? Environment.ProcessorCount, options.Value.MaxProcesses),
                MaxConcurrency = null,
            },
            _ => plan.Settings with { Workers = requested ?? IoRunValidator.DefaultThreads, MaxConcurrency = null },
        };
    }

    public sealed record Prepared(IoRunPlan? Plan, Uri? SiteStub, IResult? Problem);
}
