using System.Globalization;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// POST /cpu/work: one kernel call on this replica (the replicas strategy sends items here).
/// </summary>
public static class WorkApi
{
    public static RouteGroupBuilder MapWorkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cpu").WithTags("CPU");
        group.MapPost("/work", PostWork).WithName("Work").Accepts<WorkRequest>("application/json")
            .Produces<WorkResult>().ProducesValidationProblem().WithSummary("One kernel call on this replica (what the replicas strategy sends)");
        return group;
    }

    public sealed class WorkRequest
    {
        public long? N { get; set; }
    }

    public sealed record WorkResult(long N, string Sum, string Instance, int Pid, double ElapsedMs, double CpuMs);

    private static async Task<IResult> PostWork(
        HttpRequest http,
        IOptions<CpuRunnerOptions> options,
        ServiceInstance identity,
        CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<WorkRequest>(http, options.Value.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return body.Problem;
        var maxN = options.Value.MaxN;
        if (body.Value!.N is not { } n)
            return Problems.Field("n", "n is required: the count of squares to sum, e.g. {\"n\": 5000000}.");
        if (n < 0 || n > maxN)
            return Problems.Field("n", $"n must be between 0 and {maxN.ToString("N0", CultureInfo.InvariantCulture)} (CpuRunner:MaxN); got {n}.");

        var (sum, elapsed, cpu) = TimedKernel.Run(n, cancellationToken);
        return TypedResults.Ok(new WorkResult(n, sum.ToString(CultureInfo.InvariantCulture), identity.Instance, identity.Pid,
            elapsed.TotalMilliseconds, cpu.TotalMilliseconds));
    }
}
