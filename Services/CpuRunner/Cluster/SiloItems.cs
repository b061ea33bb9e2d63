namespace ConcurrencyLab.CpuRunner;

/// <summary>How many orleans items this silo has computed since it started (GET /cpu/cluster shows it).</summary>
public sealed class SiloItems
{
    private long _served;

    public long Served => Interlocked.Read(ref _served);

    public void Add() => Interlocked.Increment(ref _served);
}
