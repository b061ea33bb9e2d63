namespace ConcurrencyLab.Gateway.Lab.Client;

/// <summary>Where each runner answers, from the service addresses the AppHost injects.</summary>
public sealed class RunnerDirectory(IConfiguration configuration)
{
    /// <summary>A session with the workload's runner, or the problem that there is none to call.</summary>
    public ApiResult<RunnerSession> Open(string workload)
    {
        var service = workload == Workloads.Io ? "iorunner" : "cpurunner";
        // services__{name}__http__0 is what Aspire's WithReference sets (and service discovery reads).
        return Uri.TryCreate(configuration[$"services:{service}:http:0"], UriKind.Absolute, out var address)
            ? ApiResult<RunnerSession>.Ok(new RunnerSession(address, workload))
            : ApiResult<RunnerSession>.Failed(new ApiProblem(0, $"No address for {service}",
                ["The gateway was started without the AppHost: run the lab with `dotnet run --project AppHost`."]));
    }

    /// <summary>
    /// A second session on the same runner instance as the given one (the proxy picks a
    /// replica per connection, so try a bounded number of fresh connections), or null.
    /// </summary>
    public async Task<RunnerSession?> OpenBesideAsync(RunnerSession session, CancellationToken cancellationToken)
    {
        if ((await session.InstanceAsync(cancellationToken)).Value is not { } target)
            return null;
        for (var attempt = 0; attempt < MaxTriesForSameInstance; attempt++)
        {
            if (Open(session.Workload).Value is not { } candidate)
                return null;
            var kept = false;
            try
            {
                kept = (await candidate.InstanceAsync(cancellationToken)).Value?.Instance == target.Instance;
                if (kept)
                    return candidate;
            }
            finally
            {
                if (!kept)
                    candidate.Dispose();
            }
        }

        return null;
    }

    private const int MaxTriesForSameInstance = 8;
}
