using System.Net;
using Orleans.Runtime.Placement;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class EvenPlacementTests
{
    private static readonly SiloAddress[] Silos =
        [.. new[] { 30003, 30001, 30002 }.Select(port => SiloAddress.New(new IPEndPoint(IPAddress.Loopback, port), 1))];

    [Fact]
    public async Task LaneKGoesToTheKthSiloInAddressOrderRoundRobin()
    {
        var director = new EvenPlacementDirector();

        var placed = new List<int>();
        foreach (var lane in Enumerable.Range(0, 6))
            placed.Add((await director.OnAddActivation(new EvenPlacement(), Target(lane), new Cluster(Silos))).Endpoint.Port);

        Assert.Equal([30001, 30002, 30003, 30001, 30002, 30003], placed);
    }

    [Fact]
    public async Task WithASiloGoneTheSameLaneLandsOnASurvivor()
    {
        var director = new EvenPlacementDirector();
        var survivors = Silos.Where(silo => silo.Endpoint.Port != 30002).ToArray();

        var placed = await director.OnAddActivation(new EvenPlacement(), Target(1), new Cluster(survivors));

        Assert.Equal(30003, placed.Endpoint.Port);
    }

    private static PlacementTarget Target(long lane) => new(
        GrainId.Create(GrainType.Create("sumsquares"), GrainIdKeyExtensions.CreateIntegerKey(lane, "run")),
        new Dictionary<string, object>(), default, 0);

    private sealed class Cluster(SiloAddress[] silos) : IPlacementContext
    {
        public SiloAddress LocalSilo => silos[0];

        public SiloStatus LocalSiloStatus => SiloStatus.Active;

        public SiloAddress[] GetCompatibleSilos(PlacementTarget target) => silos;

        public IReadOnlyDictionary<ushort, SiloAddress[]> GetCompatibleSilosWithVersions(PlacementTarget target) =>
            new Dictionary<ushort, SiloAddress[]> { [0] = silos };
    }
}
