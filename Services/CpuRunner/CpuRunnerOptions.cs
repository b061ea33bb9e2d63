using System.ComponentModel.DataAnnotations;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner;

/// <summary>CpuRunner's limits and replica settings (configuration section "CpuRunner").</summary>
public sealed class CpuRunnerOptions
{
    public const string Section = "CpuRunner";

    /// <summary>The largest n accepted (the kernel does about 3·10^9 multiply-adds a second here).</summary>
    [Range(1, 100_000_000_000)]
    public long MaxN { get; set; } = 10_000_000_000;

    [Range(1, 1_000_000)]
    public int MaxCount { get; set; } = 10_000;

    [Range(1, 4096)]
    public int MaxThreads { get; set; } = 256;

    [Range(1, 256)]
    public int MaxProcesses { get; set; } = 16;

    [Range(1, 1024)]
    public int MaxReplicaWorkers { get; set; } = 64;

    /// <summary>Worker counts a sweep may list.</summary>
    [Range(1, 100)]
    public int MaxSweepPoints { get; set; } = 20;

    /// <summary>Default (one per core) and cap by kind of worker.</summary>
    public WorkerLimit LimitFor(string workerKind) => new(Environment.ProcessorCount, workerKind switch
    {
        WorkerKinds.Process => MaxProcesses,
        WorkerKinds.Replica => MaxReplicaWorkers,
        _ => MaxThreads,
    });

    [Range(0.1, 10_000)]
    public double MaxSwitchIntervalMs { get; set; } = 1_000;

    /// <summary>How many replicas the AppHost runs (the replicas strategy looks for each).</summary>
    [Range(1, 64)]
    public int Replicas { get; set; } = 1;

    /// <summary>The replicas' shared address (Aspire's proxy); empty = this process's own address.</summary>
    public string? ReplicasUrl { get; set; }

    /// <summary>How long one replica call may take before it counts as failed.</summary>
    [Range(1_000, 3_600_000)]
    public int ReplicaTimeoutMs { get; set; } = 300_000;

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// The processes strategy's worker: "native" (Services/CpuWorker, compiled ahead of time
    /// when CpuRunner builds; CpuRunner itself when it was not built) or "jit" (always
    /// CpuRunner itself in worker mode, a .NET runtime per worker).
    /// </summary>
    [RegularExpression("^(native|jit)$", ErrorMessage = "CpuRunner:ProcessWorker must be native or jit.")]
    public string ProcessWorker { get; set; } = "native";
}
