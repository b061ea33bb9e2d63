using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// Places a grain whose integer key is k on the k-th of the cluster's active silos (in address
/// order, modulo their count): lanes 0, 1, 2… go round the silos, so 2 lanes on 2 silos use
/// both. Random placement is lumpy at these counts (two lanes on one silo half the time).
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
public sealed class EvenPlacement : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class EvenPlacementAttribute() : PlacementAttribute(new EvenPlacement());

public sealed class EvenPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(silo => silo.ToParsableString(), StringComparer.Ordinal).ToArray();
        var k = target.GrainIdentity.GetIntegerKey(out _);
        return Task.FromResult(silos[(int)(Math.Abs(k % silos.Length))]);
    }
}
