using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.CpuRunner;

/// <summary>An item another CpuRunner process computed (a replica's /cpu/work, a silo's grain), accounted the same way.</summary>
public static class RemoteItem
{
    public static (ItemOutcome Outcome, WorkerIdentity ServedBy) Computed(
        RunRecorder recorder, string workerKind, string sum, string instance, int pid, double elapsedMs, double cpuMs, int retries)
    {
        // The item's own CPU, wherever it was computed, is the run's own.
        recorder.AddOwnCpu(TimeSpan.FromMilliseconds(cpuMs));
        // This process's own CPU is already in the run's account; count other processes'.
        var elsewhereCpuMs = pid == Environment.ProcessId ? 0 : cpuMs;
        return (ItemOutcome.Success(value: sum) with { Retries = retries, CpuMs = elsewhereCpuMs, OnCpuMs = cpuMs, WorkerElapsedMs = elapsedMs },
            new WorkerIdentity(workerKind, instance, pid));
    }
}
