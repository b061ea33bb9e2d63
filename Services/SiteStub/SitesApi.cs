using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.SiteStub;

/// <summary>/sites: the stand-in pages, their catalog and the server's own statistics.</summary>
public static class SitesApi
{
    public static RouteGroupBuilder MapSitesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/sites").WithTags("Sites");
        group.MapGet("/", ListSites).WithName("ListSites");
        group.MapGet("/stats", GetStats).WithName("GetStats");
        group.MapPost("/stats/reset", ResetStats).WithName("ResetStats");
        // The download's services are singletons, taken here once: as handler parameters they
        // would open a DI scope on every download, in the burst the server is measured by.
        var catalog = app.ServiceProvider.GetRequiredService<SiteCatalog>();
        var options = app.ServiceProvider.GetRequiredService<IOptions<SiteStubOptions>>();
        var responder = app.ServiceProvider.GetRequiredService<SiteResponder>();
        group.MapGet("/{name}", (string name, HttpContext http) => GetSite(name, http, catalog, options.Value, responder)).WithName("GetSite").Produces(StatusCodes.Status200OK, contentType: "text/html")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Download a page").WithDescription("Query: profile, latencyMs, dist, jitterMs, seed, sizeBytes, bandwidthKBps, failRate, failMode, failStatus.");
        group.MapGet("/{name}/check", CheckSite).WithName("CheckSite").Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The 400 a download with these parameters would get, or 204; serves nothing");
        return group;
    }

    public sealed record SiteInfo(string Name, string Title, long SizeBytes, double LatencyMs, string Dist, double JitterMs);

    public sealed record ProfileInfo(double LatencyMs, string Dist, double JitterMs);

    public sealed record Catalog(
        IReadOnlyList<SiteInfo> Sites,
        IReadOnlyDictionary<string, ProfileInfo> Profiles,
        IReadOnlyList<string> Parameters,
        int MaxConcurrent,
        long MaxSizeBytes,
        int MaxLatencyMs);

    private static Ok<Catalog> ListSites(IOptions<SiteStubOptions> options)
    {
        var value = options.Value;
        var sites = value.Sites
            .Select(site => new SiteInfo(site.Key, site.Value.Title, site.Value.SizeBytes, site.Value.LatencyMs,
                site.Value.Dist.ToString().ToLowerInvariant(), site.Value.JitterMs))
            .ToList();
        var profiles = value.Profiles.ToDictionary(
            profile => profile.Key,
            profile => new ProfileInfo(profile.Value.LatencyMs, profile.Value.Dist.ToString().ToLowerInvariant(), profile.Value.JitterMs));
        return TypedResults.Ok(new Catalog(sites, profiles, SiteRequestParser.Parameters,
            value.MaxConcurrent, value.MaxSizeBytes, value.MaxLatencyMs));
    }

    private static Ok<StatsSnapshot> GetStats(SiteStats stats) => TypedResults.Ok(stats.Snapshot());

    private static NoContent ResetStats(SiteStats stats)
    {
        stats.Reset();
        return TypedResults.NoContent();
    }

    // A Task rather than a typed result: the page is served in the handler's own task,
    // without a result object and the framework's await of it on every download.
    private static Task GetSite(string name, HttpContext http, SiteCatalog catalog, SiteStubOptions options, SiteResponder responder)
    {
        if (!catalog.TryGet(name, out var page, out var site))
            return UnknownSite(name, catalog).ExecuteAsync(http);
        var request = SiteRequestParser.Parse(http.Request.Query, site, options, out var errors);
        return request is null ? InvalidParameters(errors).ExecuteAsync(http) : responder.ServeAsync(http, page, request);
    }

    /// <summary>
    /// Whether a download with these parameters would be served, without serving it: a
    /// runner asks once before a run, so that SiteStub alone owns its parameters' limits.
    /// </summary>
    private static Results<NoContent, ProblemHttpResult, ValidationProblem> CheckSite(
        string name, HttpRequest http, SiteCatalog catalog, IOptions<SiteStubOptions> options)
    {
        if (!catalog.TryGet(name, out _, out var site))
            return UnknownSite(name, catalog);
        var request = SiteRequestParser.Parse(http.Query, site, options.Value, out var errors);
        return request is null ? InvalidParameters(errors) : TypedResults.NoContent();
    }

    private static ProblemHttpResult UnknownSite(string name, SiteCatalog catalog) => TypedResults.Problem(
        title: "Unknown site",
        statusCode: StatusCodes.Status404NotFound,
        detail: $"SiteStub has no site '{ProblemText.Quote(name, 64)}'. Sites: {string.Join(", ", catalog.Names)}.");

    private static ValidationProblem InvalidParameters(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid download parameters");
}
