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
