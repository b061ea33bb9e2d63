using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// GET /io/probe/{site} : one timed download from SiteStub, to check the path a run
/// takes (runner → service discovery → SiteStub) before starting a run.
/// </summary>
public static class ProbeApi
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static RouteGroupBuilder MapProbeApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/io").WithTags("IO");
        group.MapGet("/probe/{site}", Probe).WithName("Probe");
        return group;
    }

    public sealed record ProbeResult(string Site, int Status, long Bytes, double ElapsedMs);

    private static async Task<Results<Ok<ProbeResult>, ValidationProblem, ProblemHttpResult>> Probe(
        string site, IHttpClientFactory clients, CancellationToken cancellationToken)
    {
        if (!IsSiteName(site))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["site"] = ["site must be a SiteStub site name: letters, digits and '-', at most 64 characters."],
            });
        }

        var client = clients.CreateClient(IoRunnerRegistration.SiteStubClient);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.GetAsync($"/sites/{site}", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var bytes = await CountBodyBytes(response, timeout.Token);
            return TypedResults.Ok(new ProbeResult(site, (int)response.StatusCode, bytes, Stopwatch.GetElapsedTime(started).TotalMilliseconds));
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return TypedResults.Problem(
                title: "SiteStub did not answer",
                detail: $"The download of '{site}' failed: {error.GetType().Name}.",
                statusCode: StatusCodes.Status502BadGateway);
        }
    }

    private static async Task<long> CountBodyBytes(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            total += read;
        return total;
    }

    private static bool IsSiteName(string site) =>
        site.Length is > 0 and <= 64 && site.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');
}
