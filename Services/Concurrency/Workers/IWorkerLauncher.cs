using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>How a runner starts one of its worker processes (its own executable, in worker mode).</summary>
public interface IWorkerLauncher
{
    /// <summary>What the worker is, for its lane and report: "jit" (a .NET runtime) or "native".</summary>
    string Kind { get; }

    ProcessStartInfo CreateStartInfo();
}
