using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Runs;

namespace ConcurrencyLab.IoRunner;

/// <summary>/io: start, watch, list and cancel runs; compare strategies; sweep worker counts.</summary>
public static class IoRunsApi
{
    // DELETE waits this long for the run to end before answering.
    private static readonly TimeSpan CancelWait = TimeSpan.FromSeconds(1);

    public static RouteGroupBuilder MapIoRunsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/io").WithTags("IO");
        group.MapPost("/runs", StartRun).WithName("StartIoRun");
        group.MapGet("/runs", ListRuns).WithName("ListIoRuns");
        group.MapGet("/runs/{id}", GetRun).WithName("GetIoRun");
        group.MapDelete("/runs/{id}", CancelRun).WithName("CancelIoRun");
        group.MapPost("/compare", Compare).WithName("CompareIo");
        group.MapPost("/sweep", Sweep).WithName("SweepIo");
        group.MapGet("/strategies", ListStrategies).WithName("ListIoStrategies");
        return group;
    }

    private static async Task<IResult> StartRun(HttpRequest http, IoRunService service, bool? wait, CancellationToken cancellationToken)
    {
        var prepared = await service.PrepareAsync(http, IoRequestKind.Run, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
        var registry = service.Registry;
        if (registry.Admission.TryEnter() is not { } place)
            return Problems.TooManyRuns(registry.Options.MaxConcurrentRuns, registry.Options.RetryAfterSeconds);

        var plan = prepared.Plan!;
        var run = service.Start(place, plan, prepared.SiteStub!, IoStrategies.Find(plan.Strategy), plan.Settings);
        if (wait == true)
        {
            // The run goes on if the caller leaves; it stays visible at GET /io/runs/{id}.
            await run.Finished.WaitAsync(cancellationToken);
            return Report(http, registry.Report(run, ResponseFormat.WantsTimeline(http)));
        }

        var location = $"/io/runs/{run.Id}";
        return ResponseFormat.WantsText(http)
            ? TypedResults.Text(ReportText.Run(registry.Report(run, false)), "text/plain; charset=utf-8", statusCode: StatusCodes.Status202Accepted)
            : TypedResults.Accepted(location, registry.Report(run, ResponseFormat.WantsTimeline(http)));
    }

    private static IResult GetRun(string id, HttpRequest http, IoRunService service) =>
        service.Registry.Find(id) is { } run
            ? Report(http, service.Registry.Report(run, ResponseFormat.WantsTimeline(http)))
            : Problems.RunNotFound(id);

    private static IResult ListRuns(IoRunService service) =>
        TypedResults.Ok(service.Registry.List().Select(run => service.Registry.Report(run, includeTimeline: false) with { ThreadPool = null }));

    private static async Task<IResult> CancelRun(string id, HttpRequest http, IoRunService service)
    {
        if (service.Registry.Find(id) is not { } run)
            return Problems.RunNotFound(id);
        run.Cancel();
        await Task.WhenAny(run.Finished, Task.Delay(CancelWait));
        return Report(http, service.Registry.Report(run, ResponseFormat.WantsTimeline(http)));
    }

    private static async Task<IResult> Compare(HttpRequest http, IoRunService service, CancellationToken cancellationToken)
    {
        var prepared = await service.PrepareAsync(http, IoRequestKind.Compare, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
        var plan = prepared.Plan!;
        var series = IoStrategies.All.Select(strategy => (strategy, service.SettingsFor(strategy, plan))).ToList();
        return await RunSeriesAsync(http, service, "compare", plan, prepared.SiteStub!, series, cancellationToken);
    }

    private static async Task<IResult> Sweep(HttpRequest http, IoRunService service, CancellationToken cancellationToken)
    {
        var prepared = await service.PrepareAsync(http, IoRequestKind.Sweep, cancellationToken);
        if (prepared.Problem is not null)
            return prepared.Problem;
        var plan = prepared.Plan!;
        var strategy = IoStrategies.Find(plan.Strategy);
        var series = plan.WorkerCounts.Select(workers => (strategy, strategy.Name == "async"
            ? plan.Settings with { Workers = workers, MaxConcurrency = workers }
            : service.SettingsFor(strategy, plan, workers))).ToList();
        return await RunSeriesAsync(http, service, "sweep", plan, prepared.SiteStub!, series, cancellationToken);
    }

    private static async Task<IResult> RunSeriesAsync(
        HttpRequest http, IoRunService service, string kind, IoRunPlan plan, Uri siteStub,
        List<(Concurrency.Strategies.IStrategy, Concurrency.Engine.StrategySettings)> series, CancellationToken cancellationToken)
    {
        var registry = service.Registry;
        if (registry.Admission.TryEnter() is not { } place)
            return Problems.TooManyRuns(registry.Options.MaxConcurrentRuns, registry.Options.RetryAfterSeconds);
        using (place)
        {
            // The caller waits for the whole series; leaving cancels what is left of it.
            var report = await RunSeries.RunAsync(kind, "io", plan.Describe(), series,
                (strategy, settings) => service.Start(null, plan, siteStub, strategy, settings), registry, cancellationToken);
            return ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Comparison(report)) : TypedResults.Ok(report);
        }
    }

    private static IResult ListStrategies() => TypedResults.Ok(IoStrategies.All.Select(strategy =>
        new { name = strategy.Name, description = strategy.Description, parameters = strategy.Parameters }));

    private static IResult Report(HttpRequest http, RunReport report) =>
        ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Run(report)) : TypedResults.Ok(report);
}
