namespace ConcurrencyLab.CpuRunner;

/// <summary>GET /cpu/cluster: the Orleans silos, as the membership table lists them, and what each has computed.</summary>
public static class ClusterApi
{
    public sealed record ClusterView(string ClusterId, int Active, IReadOnlyList<SiloView> Silos);

    /// <param name="Instance">The CpuRunner replica hosting the silo (as runs' reports name it); for active silos that answered.</param>
    /// <param name="ItemsServed">orleans items the silo computed since it started; for active silos only.</param>
    public sealed record SiloView(string Address, string Name, string Status, DateTime StartedAt, string? Instance, int? Pid, long? ItemsServed);

    public static RouteGroupBuilder MapClusterApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/cpu").WithTags("CPU");
        group.MapGet("/cluster", GetCluster).WithName("Cluster").Produces<ClusterView>()
            .WithSummary("The Orleans cluster's silos (one per cpurunner replica): status, address, items served");
        return group;
    }

    private static async Task<IResult> GetCluster(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var entries = await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false).WaitAsync(cancellationToken);
        var active = entries.Where(entry => entry.Status == SiloStatus.Active).ToList();
        // One fresh activation per active silo, placed as lanes are (the k-th silo for key k): each says which silo it ran on.
        var described = await Task.WhenAll(Enumerable.Range(0, active.Count).Select(k => DescribeAsync(grains, k, cancellationToken)));
        var byAddress = described.OfType<SiloInfo>().GroupBy(info => info.Silo).ToDictionary(group => group.Key, group => group.First());
        var silos = entries
            .OrderBy(entry => entry.Status != SiloStatus.Active).ThenBy(entry => entry.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .Select(entry =>
            {
                var info = byAddress.GetValueOrDefault(entry.SiloAddress.ToParsableString());
                return new SiloView(entry.SiloAddress.ToParsableString(), entry.SiloName, entry.Status.ToString(), entry.StartTime,
                    info?.Instance, info?.Pid, info?.ItemsServed);
            })
            .ToList();
        return TypedResults.Ok(new ClusterView(SiloHosting.ClusterId, active.Count, silos));
    }

    // A silo that died and is not evicted yet is still listed active, and cannot answer: its details stay empty.
    private static async Task<SiloInfo?> DescribeAsync(IGrainFactory grains, int k, CancellationToken cancellationToken)
    {
        try
        {
            return await grains.GetGrain<ISiloInfoGrain>(k, Guid.NewGuid().ToString("N")).DescribeAsync()
                .WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
