using ConcurrencyLab.Concurrency.Workers;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// Which executable a CPU worker process is: the natively compiled Services/CpuWorker when
/// the build produced it (its path is stamped into this assembly, see
/// NativeCpuWorker.targets), otherwise CpuRunner itself in worker mode.
/// </summary>
public static class CpuWorkerLauncher
{
    public const string NativeWorkerMetadataKey = "NativeCpuWorker";

    public static IWorkerLauncher For(string processWorker) =>
        processWorker == "native" && NativeWorkerPath() is { } native
            ? new ExecutableWorkerLauncher(native, "native")
            : new SelfWorkerLauncher(typeof(CpuWorkerLauncher).Assembly.Location, CpuWorker.Argument, JitWorkerEnvironment);

    // The runner itself runs without tiered compilation (see CpuRunner.csproj); a worker process
    // lives for one run, and its quick first compilation starts it 10-15 ms sooner (measured by
    // hand: Ready after 36-40 ms with it, 46-55 ms without). The kernel is optimised either way.
    private static readonly Dictionary<string, string> JitWorkerEnvironment = new() { ["DOTNET_TieredCompilation"] = "1" };

    /// <summary>The native worker built next to this assembly's build, if it exists.</summary>
    public static string? NativeWorkerPath() => NativeWorkerStamp.Existing(typeof(CpuWorkerLauncher).Assembly, NativeWorkerMetadataKey);

    /// <summary>Where the build said it publishes the native worker (it had gcc); null when it does not build one.</summary>
    public static string? StampedNativeWorkerPath() => NativeWorkerStamp.Stamped(typeof(CpuWorkerLauncher).Assembly, NativeWorkerMetadataKey);
}
