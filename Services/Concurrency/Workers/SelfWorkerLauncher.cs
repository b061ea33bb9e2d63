using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>
/// Starts the runner's own assembly with a worker argument: through its native launcher
/// when one sits next to it, otherwise through the dotnet host.
/// </summary>
public sealed class SelfWorkerLauncher(string assemblyPath, string workerArgument, IReadOnlyDictionary<string, string>? environment = null)
    : IWorkerLauncher
{
    public string Kind => "jit";

    public ProcessStartInfo CreateStartInfo()
    {
        var launcher = Path.ChangeExtension(assemblyPath, null);
        var start = File.Exists(launcher) && !OperatingSystem.IsWindows()
            ? new ProcessStartInfo(launcher)
            : new ProcessStartInfo(DotnetHost());
        if (start.FileName != launcher)
        {
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assemblyPath);
        }

        start.ArgumentList.Add(workerArgument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;
        return start;
    }

    private static string DotnetHost()
    {
        var current = Environment.ProcessPath;
        if (current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet")
            return current;
        return Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
    }
}
