using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>Starts a worker that is an executable of its own (for example a natively compiled one).</summary>
/// <param name="kind">What it is, for its lane and report, e.g. "native".</param>
/// <param name="environment">Variables set for it on top of the runner's own.</param>
public sealed class ExecutableWorkerLauncher(string executablePath, string kind, IReadOnlyDictionary<string, string>? environment = null)
    : IWorkerLauncher
{
    public string Kind => kind;

    public ProcessStartInfo CreateStartInfo()
    {
        var start = new ProcessStartInfo(executablePath);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }
}
