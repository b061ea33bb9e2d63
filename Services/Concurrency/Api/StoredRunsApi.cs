using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>
/// What the run store keeps across restarts: GET /{w}/runs (running runs, then stored ones,
/// newest first, paged and filtered), GET /{w}/compares (stored compares and sweeps), and
/// tags on either (PUT and DELETE /{w}/runs/{id}/tags/{tag}).
/// </summary>
public static class StoredRunsApi
{
    public static RouteGroupBuilder MapStoredRunsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/runs", ListRuns).Produces<List<RunReport>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Runs, newest first: running, then stored").WithDescription("Query: page, pageSize (1-100), strategy, from, to, tag.");
        group.MapGet("/compares", ListSeries).Produces<List<ComparisonReport>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Stored compares and sweeps, newest first").WithDescription("Query: page, pageSize (1-100), strategy, from, to, tag.");
        group.MapGet("/compares/{id}", GetSeries).Produces<ComparisonReport>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One stored compare or sweep");
        group.MapGet("/runs/{id}/trace.json", RunTrace).Produces<TraceDocument>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A run as a Chrome trace (ui.perfetto.dev, chrome://tracing)");
        group.MapGet("/compares/{id}/trace.json", SeriesTrace).Produces<TraceDocument>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("A stored compare or sweep as a Chrome trace");
        group.MapPut("/runs/{id}/tags/{tag}", Tag).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Tag a stored run, compare or sweep");
        group.MapDelete("/runs/{id}/tags/{tag}", Untag).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Remove a tag");
        return group;
    }

    private static async Task<IResult> ListRuns(HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        var registry = runner.Registry;
        var (query, errors) = StoredQuery.Parse(http, [StoredReports.RunKind], runner.Strategies.Select(strategy => strategy.Name));
        if (query is null)
            return Problems.Fields(errors);
        var inMemory = registry.List().Where(run => query.Strategy is null || run.Strategy.Name == query.Strategy).ToList();
        if (registry.Store is not { } store)
            return TypedResults.Ok(inMemory.Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).Select(run => Summary(registry.Report(run, false))));

        return await StoreCall.RunAsync(store, async () =>
        {
            var stored = await store.ListAsync(query, cancellationToken);
            // Running runs are not stored yet: the first page shows them first.
            var running = query.Page == 1 && query.Tag is null
                ? inMemory.Where(run => run.Status == RunStatus.Running).Select(run => Summary(registry.Report(run, false)))
                : [];
            var ids = running.Select(run => run.Id).ToHashSet();
            return TypedResults.Ok(running.Concat(stored.Select(StoredReports.Run).Where(run => !ids.Contains(run.Id)).Select(Summary)).ToList());
        });
    }

    private static async Task<IResult> ListSeries(HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        if (runner.Registry.Store is not { } store)
            return Problems.NoStore();
        var (query, errors) = StoredQuery.Parse(http, StoredReports.SeriesKinds, runner.Strategies.Select(strategy => strategy.Name));
        if (query is null)
            return Problems.Fields(errors);
        return await StoreCall.RunAsync(store, async () =>
            TypedResults.Ok((await store.ListAsync(query, cancellationToken)).Select(StoredReports.Series).ToList()));
    }

    private static async Task<IResult> GetSeries(string id, HttpRequest http, IRunner runner, CancellationToken cancellationToken)
    {
        if (runner.Registry.Store is not { } store)
            return Problems.NoStore();
        return await StoreCall.RunAsync(store, async () =>
            await store.FindAsync(id, cancellationToken) is { Kind: not StoredReports.RunKind } entry
                ? ResponseFormat.WantsText(http) ? ResponseFormat.Text(ReportText.Comparison(StoredReports.Series(entry))) : TypedResults.Ok(StoredReports.Series(entry))
                : Problems.NotStored("compare or sweep", id));
    }

    // A run's items as a Chrome trace (ui.perfetto.dev, chrome://tracing): from memory while it is there, else from the store.
    private static async Task<IResult> RunTrace(string id, IRunner runner, CancellationToken cancellationToken)
    {
        async Task<IResult> Trace() => await FindRunAsync(runner.Registry, id, cancellationToken) is { } run
            ? TraceFile(id, ChromeTrace.Of([(RunLabel.Of(run), run)]))
            : Problems.RunNotFound(id);
        return runner.Registry.Store is { } store ? await StoreCall.RunAsync(store, Trace) : await Trace();
    }

    // A stored compare or sweep: one process track per row, each its representative run.
    private static async Task<IResult> SeriesTrace(string id, IRunner runner, CancellationToken cancellationToken)
    {
        if (runner.Registry.Store is not { } store)
            return Problems.NoStore();
        return await StoreCall.RunAsync(store, async () =>
        {
            if (await store.FindAsync(id, cancellationToken) is not { Kind: not StoredReports.RunKind } entry)
                return Problems.NotStored("compare or sweep", id);
            var runs = new List<(string, RunReport)>();
            foreach (var row in StoredReports.Series(entry).Rows)
            {
                if (await FindRunAsync(runner.Registry, row.RunId, cancellationToken) is { } run)
                    runs.Add((RunLabel.Of(run), run));
            }

            return TraceFile(id, ChromeTrace.Of(runs));
        });
    }

    private static async Task<RunReport?> FindRunAsync(RunRegistry registry, string id, CancellationToken cancellationToken)
    {
        if (registry.Find(id) is { } run)
            return registry.Report(run, includeTimeline: true);
        return registry.Store is { } store && await store.FindAsync(id, cancellationToken) is { Kind: StoredReports.RunKind } entry
            ? StoredReports.Run(entry)
            : null;
    }

    private static IResult TraceFile(string id, TraceDocument trace) =>
        TypedResults.File(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(trace, TraceJson), "application/json", $"{id}.trace.json");

    private static readonly System.Text.Json.JsonSerializerOptions TraceJson = new(System.Text.Json.JsonSerializerDefaults.Web);

    private static Task<IResult> Tag(string id, string tag, IRunner runner, CancellationToken cancellationToken) =>
        ChangeTag(id, tag, runner, (store, entry) => store.TagAsync(entry, tag, cancellationToken));

    private static Task<IResult> Untag(string id, string tag, IRunner runner, CancellationToken cancellationToken) =>
        ChangeTag(id, tag, runner, (store, entry) => store.UntagAsync(entry, tag, cancellationToken));

    private static async Task<IResult> ChangeTag(string id, string tag, IRunner runner, Func<IRunStore, string, Task<bool>> change)
    {
        if (runner.Registry.Store is not { } store)
            return Problems.NoStore();
        if (StoredQuery.TagError(tag) is { } error)
            return Problems.Field("tag", error);
        return await StoreCall.RunAsync(store, async () =>
        {
            if (await store.FindAsync(id, CancellationToken.None) is null)
                return Problems.NotStored("run, compare or sweep", id);
            await change(store, id);
            return TypedResults.NoContent();
        });
    }

    // A list shows each run without its timeline and pool samples: GET /{w}/runs/{id} has them.
    private static RunReport Summary(RunReport report) => report with { Timeline = null, ThreadPool = null, TimelineTruncated = false };
}
