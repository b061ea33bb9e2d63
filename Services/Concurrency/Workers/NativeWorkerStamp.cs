using System.Reflection;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>
/// Where a runner's build published its natively compiled worker: the path the build stamps
/// into the runner's assembly as AssemblyMetadata (see NativeCpuWorker.targets,
/// NativeIoWorker.targets), absent where the build had no gcc.
/// </summary>
public static class NativeWorkerStamp
{
    /// <summary>The stamped path under this key, whether or not the file is there; null when none was stamped.</summary>
    public static string? Stamped(Assembly runner, string key)
    {
        var path = runner.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(attribute => attribute.Key == key)?.Value;
        return string.IsNullOrEmpty(path) ? null : path;
    }

    /// <summary>The stamped worker, if it exists.</summary>
    public static string? Existing(Assembly runner, string key) => Stamped(runner, key) is { } path && File.Exists(path) ? path : null;
}
