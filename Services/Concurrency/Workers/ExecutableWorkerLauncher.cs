using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>Starts a worker that is an executable of its own (for example a natively compiled one).</summary>
/// <param name="kind">What it is, for its lane and report, e.g. "native".</param>
public sealed class ExecutableWorkerLauncher(string executablePath, string kind) : IWorkerLauncher
{
    public string Kind => kind;

    public ProcessStartInfo CreateStartInfo() => new(executablePath);
}
