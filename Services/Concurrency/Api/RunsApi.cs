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

    public static RouteGroupBuilder MapRunsApi(this IEndpointRouteBuilder app, string prefix, string tag)
    {
        var group = app.MapGroup(prefix).WithTags(tag);
        group.MapPost("/runs", StartRun);
        group.MapGet("/runs", ListRuns);
        group.MapGet("/runs/{id}", GetRun);
        group.MapDelete("/runs/{id}", CancelRun);
        group.MapPost("/compare", Compare);
        group.MapPost("/sweep", Sweep);
        group.MapGet("/strategies", ListStrategies);
        return group;
    }

    private static async Task<IResult> StartRun(HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        if (!ResponseFormat.TryWantsWait(http, out var wait, out var waitProblem))
            return waitProblem!;
        var prepared = await runner.PrepareAsync(http, RequestKind.Run, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
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
            return Report(http, registry.Report(run, ResponseFormat.WantsTimeline(http)));
        }

        var location = $"{http.PathBase}{http.Path.Value?.TrimEnd('/')}/{run.Id}";
        return ResponseFormat.WantsText(http)
            ? TypedResults.Text(ReportText.Run(registry.Report(run, false)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Accepted(location, registry.Report(run, ResponseFormat.WantsTimeline(http)));
    }

    private static IResult GetRun(string id, HttpRequest http, IRunner runner) =>
        runner.Registry.Find(id) is { } run
            ? Report(http, runner.Registry.Report(run, ResponseFormat.WantsTimeline(http)))
            : Problems.RunNotFound(id);

    private static IResult ListRuns(IRunner runner) =>
        TypedResults.Ok(runner.Registry.List().Select(run => runner.Registry.Report(run, includeTimeline: false) with { ThreadPool = null }));

    private static async Task<IResult> CancelRun(string id, HttpRequest http, IRunner runner)
    {
        if (runner.Registry.Find(id) is not { } run)
            return Problems.RunNotFound(id);
        run.Cancel();
        await Task.WhenAny(run.Finished, Task.Delay(CancelWait));
        return Report(http, runner.Registry.Report(run, ResponseFormat.WantsTimeline(http)));
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
        if (registry.Admission.TryEnter() is not { } place)
            return Problems.TooManyRuns(registry.Options.MaxConcurrentRuns, registry.Options.RetryAfterSeconds);
        using (place)
        {
            // The caller waits for the whole series; leaving cancels what is left of it.
            var report = await RunSeries.RunAsync(kind, runner.Workload, plan.Describe(), series, plan.Rounds,
                (strategy, settings) => runner.Start(null, plan, strategy, settings), registry, cancellationToken, probe);
            return ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Comparison(report)) : TypedResults.Ok(report);
        }
    }

    private static IResult ListStrategies(IRunner runner) => TypedResults.Ok(runner.Strategies.Select(strategy =>
        new { name = strategy.Name, description = strategy.Description, parameters = strategy.Parameters }));

    private static IResult Report(HttpRequest http, RunReport report) =>
        ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Run(report)) : TypedResults.Ok(report);
}
