using System.ComponentModel.DataAnnotations;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.IoRunner;

/// <summary>IoRunner's limits and defaults (configuration section "IoRunner").</summary>
public sealed class IoRunnerOptions
{
    public const string Section = "IoRunner";

    /// <summary>SiteStub's base URL; empty = find "sitestub" by service discovery.</summary>
    public string? SiteStubUrl { get; set; }

    [Range(1, 4096)]
    public int MaxThreads { get; set; } = 512;

    [Range(1, 1_000_000)]
    public int MaxAsync { get; set; } = 10_000;

    [Range(1, 256)]
    public int MaxProcesses { get; set; } = 16;

    /// <summary>Threads and threadpool without workers asked: the study's first thread count.</summary>
    public const int DefaultThreads = 5;

    /// <summary>Default and cap by kind of worker: processes one per core up to MaxProcesses, threads 5 up to MaxThreads.</summary>
    public WorkerLimit LimitFor(string workerKind) => workerKind == WorkerKinds.Process
        ? new WorkerLimit(Environment.ProcessorCount, MaxProcesses)
        : new WorkerLimit(DefaultThreads, MaxThreads);

    [Range(1, 10_000_000)]
    public int MaxItems { get; set; } = 100_000;

    [Range(1, 3_600_000)]
    public int MaxTimeoutMs { get; set; } = 600_000;

    [Range(1, 3_600_000)]
    public int DefaultTimeoutMs { get; set; } = 10_000;

    [Range(1, 16)]
    public int MaxSites { get; set; } = 16;

    [Range(1, 64)]
    public int MaxSweepPoints { get; set; } = 20;

    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;
}
