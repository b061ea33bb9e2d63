using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.CpuRunner;

/// <summary>Asks the k-th silo about itself: each call is a fresh activation, placed like a lane.</summary>
public interface ISiloInfoGrain : IGrainWithIntegerCompoundKey
{
    Task<SiloInfo> DescribeAsync();
}

[GenerateSerializer, Immutable]
public sealed record SiloInfo(
    [property: Id(0)] string Silo,
    [property: Id(1)] string Instance,
    [property: Id(2)] int Pid,
    [property: Id(3)] long ItemsServed);

[EvenPlacement]
public sealed class SiloInfoGrain(ServiceInstance identity, ILocalSiloDetails silo, SiloItems served) : Grain, ISiloInfoGrain
{
    public Task<SiloInfo> DescribeAsync()
    {
        DeactivateOnIdle();
        return Task.FromResult(new SiloInfo(silo.SiloAddress.ToParsableString(), identity.Instance, identity.Pid, served.Served));
    }
}
