using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>
/// /{w}/runs, compare, sweep and strategies, the same for every runner: start, watch,
/// list and cancel runs; every strategy at the same settings; one over worker counts.
/// </summary>
public static class RunsApi
{
    // DELETE waits this long for the run to end before answering.
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(1);

    /// <param name="requestType">The runner's request body (for its OpenAPI document).</param>
    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app, string prefix, string tag, Type requestType)
    {
        var group = app.MapGroup(prefix).WithTags(tag);
        group.MapPost("/runs", StartRun).Accepts(requestType, "application/json")
            .Produces<RunReport>().Produces<RunReport>(StatusCodes.Status202Accepted).WithRunProblems()
            .WithSummary("Start one run").WithDescription("Query: wait=true (answer when it ends), format=text, timeline=false, baseline=<id or tag> and failOn=slower (with wait=true).");
        group.MapStoredRunsApi();
        group.MapGet("/runs/{id}", GetRun).Produces<RunReport>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One run, running or stored").WithDescription("Query: format=text, timeline=true.");
        group.MapDelete("/runs/{id}", CancelRun).Produces<RunReport>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Cancel a running run, or remove a finished one from the store");
        group.MapPost("/compare", Compare).Accepts(requestType, "application/json").Produces<ComparisonReport>().WithRunProblems()
            .WithSummary("Every strategy at the same settings").WithDescription("Query: format=text, baseline=<id or tag>, failOn=slower.");
        group.MapPost("/sweep", Sweep).Accepts(requestType, "application/json").Produces<ComparisonReport>().WithRunProblems()
            .WithSummary("One strategy over worker counts").WithDescription("Query: format=text, baseline=<id or tag>, failOn=slower.");
        group.MapGet("/strategies", ListStrategies).WithSummary("The strategies, their descriptions and parameters, and how each was warmed at start");
        return group;
    }

    // Every answer a request that starts runs can get besides its report.
    private static RouteHandlerBuilder WithRunProblems(this RouteHandlerBuilder endpoint) => endpoint
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status429TooManyRequests)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> StartRun(HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        if (!ResponseFormat.TryWantsWait(http, out var wait, out var waitProblem))
            return waitProblem!;
        var prepared = await runner.PrepareAsync(http, RequestKind.Run, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
        var asked = await Baselines.ResolveAsync(http, runner, StoredReports.RunKind, cancellationToken);
        if (asked.Problem is not null)
            return asked.Problem;
        if (asked.Baseline is not null && !wait)
            return Problems.Field("baseline", "baseline compares a finished run: add wait=true.");
        var registry = runner.Registry;
        if (registry.Admission.TryEnter() is not { } place)
            return Problems.TooManyRuns(registry.Options.MaxConcurrentRuns, registry.Options.RetryAfterSeconds);

        var plan = prepared.Plan!;
        var strategy = runner.Strategies.First(candidate => candidate.Name == plan.Strategy);
        var run = runner.Start(place, plan, strategy, runner.SettingsFor(strategy, plan));
        if (wait)
        {
            // The run goes on if the caller leaves; it stays visible at GET /{w}/runs/{id}.
            await run.Finished.WaitAsync(cancellationToken);
            await run.Saved.WaitAsync(cancellationToken);
            var report = registry.Report(run, ResponseFormat.WantsTimeline(http));
            if (asked.Baseline is not { } baseline)
                return Report(http, report);
            report = report with { Change = Baselines.Of(report, StoredReports.Run(baseline)) };
            return asked.FailOnSlower && report.Change.AnySlower ? Problems.SlowerThanBaseline(report.Change) : Report(http, report);
        }

        var location = $"{http.PathBase}{http.Path.Value?.TrimEnd('/')}/{run.Id}";
        return ResponseFormat.WantsText(http)
            ? TypedResults.Text(ReportText.Run(registry.Report(run, false)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Accepted(location, registry.Report(run, ResponseFormat.WantsTimeline(http)));
    }

    private static async Task<IResult> GetRun(string id, HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        // A stored run is read back from the store, with its tags; one running, or never stored, from memory.
        var run = runner.Registry.Find(id);
        if (runner.Registry.Store is not { } store || run is not null && run.Stored != true)
            return run is null ? Problems.RunNotFound(id) : Report(http, runner.Registry.Report(run, ResponseFormat.WantsTimeline(http)));
        return await StoreCall.RunAsync(store, async () => await store.FindAsync(id, cancellationToken) is { Kind: StoredReports.RunKind } entry
            ? Report(http, StoredReports.Run(entry) is var stored && ResponseFormat.WantsTimeline(http) ? stored : stored with { Timeline = null })
            : Problems.RunNotFound(id));
    }

    // A running run is cancelled; a finished one is removed from the store. Either way the
    // answer is the run's report as it stands.
    private static async Task<IResult> CancelRun(string id, HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        var registry = runner.Registry;
        var run = registry.Find(id);
        if (run is { Status: RunStatus.Running })
        {
            run.Cancel();
            await Task.WhenAny(run.Finished, Task.Delay(CancelWait, cancellationToken));
            return Report(http, registry.Report(run, ResponseFormat.WantsTimeline(http)));
        }

        if (registry.Store is not { } store)
            return run is null ? Problems.RunNotFound(id) : Report(http, registry.Report(run, ResponseFormat.WantsTimeline(http)));
        return await StoreCall.RunAsync(store, async () =>
        {
            var stored = await store.FindAsync(id, cancellationToken);
            // A run still in memory is dropped from memory and the store together.
            if (run is not null)
                await registry.ForgetAsync(run);
            else if (stored is not null)
                await store.DeleteAsync(id, cancellationToken);
            return stored switch
            {
                { Kind: StoredReports.RunKind } => Report(http, StoredReports.Run(stored) with { Timeline = null }),
                not null => TypedResults.Ok(StoredReports.Series(stored)),
                null when run is not null => Report(http, registry.Report(run, false)),
                _ => Problems.RunNotFound(id),
            };
        });
    }

    private static async Task<IResult> Compare(HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        var prepared = await runner.PrepareAsync(http, RequestKind.Compare, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
        var plan = prepared.Plan!;
        var series = runner.Strategies.Select(strategy => (strategy, runner.SettingsFor(strategy, plan))).ToList();
        return await RunSeriesAsync(http, runner, "compare", plan, series, cancellationToken);
    }

    private static async Task<IResult> Sweep(HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        var prepared = await runner.PrepareAsync(http, RequestKind.Sweep, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
        var plan = prepared.Plan!;
        var strategy = runner.Strategies.First(candidate => candidate.Name == plan.Strategy);
        var series = plan.WorkerCounts.Select(workers => (strategy, runner.SettingsFor(strategy, plan, workers))).ToList();
        var sequential = runner.Strategies.First(candidate => candidate.Name == StrategyNames.Sequential);
        var probePlan = runner.ProbeOf(plan);
        return await RunSeriesAsync(http, runner, "sweep", plan, series, cancellationToken,
            probe: () => runner.Start(null, probePlan, sequential, runner.SettingsFor(sequential, probePlan)));
    }

    private static async Task<IResult> RunSeriesAsync(
        HttpRequest http, IRunner runner, string kind, IRunPlan plan,
        List<(IStrategy, Engine.StrategySettings)> series, CancellationToken cancellationToken, Func<Run>? probe = null)
    {
        var registry = runner.Registry;
        var asked = await Baselines.ResolveAsync(http, runner, kind, cancellationToken);
        if (asked.Problem is not null)
            return asked.Problem;
        if (registry.Admission.TryEnter() is not { } place)
            return Problems.TooManyRuns(registry.Options.MaxConcurrentRuns, registry.Options.RetryAfterSeconds);
        using (place)
        {
            // The caller waits for the whole series; leaving cancels what is left of it.
            var report = await RunSeries.RunAsync(kind, runner.Workload, plan.Describe(), series, plan.Rounds,
                (strategy, settings) => runner.Start(null, plan, strategy, settings), registry, cancellationToken, probe);
            report = await SaveAsync(registry, report);
            if (asked.Baseline is { } baseline)
            {
                var change = Baselines.Of(report, StoredReports.Series(baseline), asked.MinChange);
                report = report with { Change = change, Verdict = [.. report.Verdict, change.Sentence] };
                if (asked.FailOnSlower && report.Change.AnySlower)
                    return Problems.SlowerThanBaseline(report.Change);
            }

            return ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Comparison(report)) : TypedResults.Ok(report);
        }
    }

    // A compare or sweep is stored once it has ended; one the store could not take says so (stored: false).
    private static async Task<ComparisonReport> SaveAsync(RunRegistry registry, ComparisonReport report)
    {
        if (registry.Store is not { } store)
            return report;
        try
        {
            var stored = report with { Stored = true };
            await store.SaveAsync(StoredReports.Entry(stored), CancellationToken.None);
            return stored;
        }
        catch (RunStoreUnavailableException)
        {
            return report with { Stored = false };
        }
    }

    private static IResult ListStrategies(IRunner runner, RunnerWarmUp warmUp) => TypedResults.Ok(runner.Strategies.Select(strategy =>
        new { name = strategy.Name, description = strategy.Description, parameters = strategy.Parameters, warmUp = warmUp.Warmth.GetValueOrDefault(strategy.Name) }));

    private static IResult Report(HttpRequest http, RunReport report) =>
        ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Run(report)) : TypedResults.Ok(report);
}
