namespace ConcurrencyLab.SiteStub;

/// <summary>The result of GET /sites/{name}: the responder streams it when it executes.</summary>
public sealed class SitePageResult(SiteResponder responder, SitePage page, SiteRequest request) : IResult
{
    public SitePage Page { get; } = page;

    public SiteRequest Request { get; } = request;

    public Task ExecuteAsync(HttpContext httpContext) => responder.ServeAsync(httpContext, Page, Request);
}
