using System.Diagnostics;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>Everything a strategy needs for one run; it runs items only through Items.</summary>
public sealed class RunContext(
    IWorkload workload,
    StrategySettings settings,
    ItemRunner items,
    RunRecorder recorder,
    IWorkerLauncher? workerLauncher)
{
    public IWorkload Workload { get; } = workload;

    public StrategySettings Settings { get; } = settings;

    public ItemRunner Items { get; } = items;

    public RunRecorder Recorder { get; } = recorder;

    /// <summary>Starts worker processes; null where the runner offers no processes strategy.</summary>
    public IWorkerLauncher? WorkerLauncher { get; } = workerLauncher;

    /// <summary>The run's root span context: items and worker processes join its trace.</summary>
    public ActivityContext RootContext => Items.RootContext;
}
