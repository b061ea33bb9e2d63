using System.Globalization;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// Which executable an IO worker process is: the natively compiled Services/IoWorker when the
/// build produced it (its path is stamped into this assembly, see NativeIoWorker.targets),
/// otherwise IoRunner itself started with the worker argument. Both run IoWorkerProcess.
/// </summary>
public static class IoWorker
{
    public const string Argument = "--lab-worker";
    public const string NativeWorkerMetadataKey = "NativeIoWorker";

    public static Task<int> RunAsync() => IoWorkerProcess.RunAsync();

    /// <summary>How the processes strategy starts workers for a run against this SiteStub.</summary>
    public static IWorkerLauncher Launcher(Uri siteStub, TimeSpan timeout)
    {
        var environment = new Dictionary<string, string>
        {
            [IoWorkerProcess.SiteStubVariable] = siteStub.ToString(),
            [IoWorkerProcess.TimeoutVariable] = timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        };
        return NativeWorkerPath() is { } native
            ? new ExecutableWorkerLauncher(native, "native", environment)
            : new SelfWorkerLauncher(typeof(IoWorker).Assembly.Location, Argument, environment);
    }

    /// <summary>The native worker built next to this assembly's build, if it exists.</summary>
    public static string? NativeWorkerPath() => NativeWorkerStamp.Existing(typeof(IoWorker).Assembly, NativeWorkerMetadataKey);
}
