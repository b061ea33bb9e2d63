using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>Starts a worker that is its own executable (a natively compiled worker).</summary>
public sealed class ExecutableWorkerLauncher(string executablePath) : IWorkerLauncher
{
    public string Kind => "native";

    public ProcessStartInfo CreateStartInfo() => new(executablePath);
}
