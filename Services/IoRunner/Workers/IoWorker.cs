using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Workers;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// IoRunner started as a worker process (processes strategy): like the study's pool
/// initializer it makes its own HttpClient once, then downloads the paths it is sent,
/// one at a time, blocking, as the study's worker processes do.
/// </summary>
public static class IoWorker
{
    public const string Argument = "--lab-worker";
    public const string SiteStubVariable = "LAB_SITESTUB_URL";
    public const string TimeoutVariable = "LAB_TIMEOUT_MS";

    public static async Task<int> RunAsync()
    {
        var siteStub = new Uri(Environment.GetEnvironmentVariable(SiteStubVariable)
            ?? throw new InvalidOperationException($"{SiteStubVariable} is not set."));
        // The launcher always passes the run's timeout; the default only covers a worker started by hand.
        var timeoutMs = Environment.GetEnvironmentVariable(TimeoutVariable) is { } given
            ? double.Parse(given, CultureInfo.InvariantCulture)
            : new IoRunnerOptions().DefaultTimeoutMs;

        using var tracing = WorkerTelemetry.Start(LabTelemetry.IoSource);
        using var source = new ActivitySource(LabTelemetry.IoSource);
        using var client = SiteStubClients.Create(siteStub);
        var downloader = new Downloader(client, TimeSpan.FromMilliseconds(timeoutMs));
        return await WorkerLoop.RunAsync(source, "io.download",
            (path, cancellationToken) => Task.FromResult<ItemOutcome>(downloader.Download(path, cancellationToken)),
            Console.In, Console.Out);
    }

    /// <summary>How the processes strategy starts workers for a run against this SiteStub.</summary>
    public static IWorkerLauncher Launcher(Uri siteStub, TimeSpan timeout) =>
        new SelfWorkerLauncher(typeof(IoWorker).Assembly.Location, Argument, new Dictionary<string, string>
        {
            [SiteStubVariable] = siteStub.ToString(),
            [TimeoutVariable] = timeout.TotalMilliseconds.ToString(CultureInfo.InvariantCulture),
        });
}
