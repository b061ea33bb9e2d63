using ConcurrencyLab.Concurrency.Engine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.CpuRunner;

/// <summary>POST /cpu/work : one kernel call on this replica; serves the replicas strategy.</summary>
public static class WorkApi
{
    public static RouteGroupBuilder MapWorkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cpu").WithTags("CPU");
        group.MapPost("/work", PostWork).WithName("Work");
        return group;
    }

    public sealed record WorkRequest(long? N);

    public sealed record WorkResult(long N, string Sum, string Instance, int Pid, double ElapsedMs);

    private static Results<Ok<WorkResult>, ValidationProblem> PostWork(
        WorkRequest? request,
        IOptions<CpuRunnerOptions> options,
        ServiceInstance identity,
        CancellationToken cancellationToken)
    {
        var maxN = options.Value.MaxN;
        if (request?.N is not { } n)
            return Invalid("n", "n is required: the count of squares to sum, e.g. {\"n\": 5000000}.");
        if (n < 0 || n > maxN)
            return Invalid("n", $"n must be between 0 and {maxN.ToString("N0", CultureInfo.InvariantCulture)} (CpuRunner:MaxN); got {n}.");

        var started = Stopwatch.GetTimestamp();
        var sum = SumOfSquares.Compute(n, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return TypedResults.Ok(new WorkResult(n, sum.ToString(CultureInfo.InvariantCulture), identity.Instance, identity.Pid, elapsed.TotalMilliseconds));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
