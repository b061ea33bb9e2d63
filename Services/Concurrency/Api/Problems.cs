using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>The ProblemDetails answers the runners give, in one place.</summary>
public static class Problems
{
    public static IResult Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static IResult Fields(IDictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);

    public static IResult RunNotFound(string id) => TypedResults.Problem(
        title: "Unknown run",
        detail: $"There is no run '{ProblemText.Quote(id)}' (it may have left the bounded history).",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult NotStored(string what, string id) => TypedResults.Problem(
        title: $"Unknown {what}",
        detail: $"The run store holds no {what} '{ProblemText.Quote(id)}'.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult BaselineNotFound(string kind, string value) => TypedResults.Problem(
        title: "Unknown baseline",
        detail: $"baseline: the run store holds no {kind} with the id or tag '{ProblemText.Quote(value)}'.",
        statusCode: StatusCodes.Status404NotFound);

    public static IResult NoStore() => TypedResults.Problem(
        title: "No run store",
        detail: "This runner keeps its runs in memory only (Lab:DataDir is not set), so it cannot list, tag or compare stored runs.",
        statusCode: StatusCodes.Status404NotFound);

    /// <summary>503 while the store is locked or unreadable, naming its file; the request can be retried.</summary>
    public static IResult StoreUnavailable(string location, string reason) => TypedResults.Problem(
        title: "Run store unavailable",
        detail: $"The run store {location} could not be used: {reason}. Retry shortly.",
        statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>422: ?failOn=slower and a strategy got slower than the baseline at 95 %.</summary>
    public static IResult SlowerThanBaseline(Reports.BaselineChange change) => TypedResults.Problem(
        title: "Slower than the baseline",
        detail: change.Sentence,
        statusCode: StatusCodes.Status422UnprocessableEntity,
        extensions: new Dictionary<string, object?> { ["change"] = change });

    /// <summary>429 with Retry-After, naming the limit.</summary>
    public static IResult TooManyRuns(int limit, int retryAfterSeconds) => new TooManyRunsResult(limit, retryAfterSeconds);

    private sealed class TooManyRunsResult(int limit, int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return TypedResults.Problem(
                title: "Too many runs",
                detail: $"At most {limit} runs, compares or sweeps run at once (MaxConcurrentRuns). Retry after {retryAfterSeconds} s.",
                statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(httpContext);
        }
    }
}
