using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.CpuRunner;

/// <summary>One lane of an orleans run: its key is (lane, run id), so each run's lanes are placed afresh.</summary>
public interface ISumSquaresGrain : IGrainWithIntegerCompoundKey
{
    Task<GrainWorkResult> ComputeAsync(long n, CancellationToken cancellationToken);
}

/// <summary>A kernel call's answer, and the silo that computed it.</summary>
[GenerateSerializer, Immutable]
public sealed record GrainWorkResult(
    [property: Id(0)] string Sum,
    [property: Id(1)] string Silo,
    [property: Id(2)] string Instance,
    [property: Id(3)] int Pid,
    [property: Id(4)] double ElapsedMs,
    [property: Id(5)] double CpuMs);

/// <summary>
/// Computes one item on the silo it was placed on. The kernel runs on the thread pool, not on
/// the grain's scheduler: a turn that computes for seconds would hold that silo's scheduler.
/// </summary>
[EvenPlacement]
[CollectionAgeLimit(Minutes = 2)]
public sealed class SumSquaresGrain(ServiceInstance identity, ILocalSiloDetails silo, SiloItems served) : Grain, ISumSquaresGrain
{
    public async Task<GrainWorkResult> ComputeAsync(long n, CancellationToken cancellationToken)
    {
        var (sum, elapsed, cpu) = await Task.Run(() => TimedKernel.Run(n, cancellationToken), cancellationToken);
        served.Add();
        return new GrainWorkResult(sum.ToString(CultureInfo.InvariantCulture), silo.SiloAddress.ToParsableString(), identity.Instance, identity.Pid,
            elapsed.TotalMilliseconds, cpu.TotalMilliseconds);
    }
}
