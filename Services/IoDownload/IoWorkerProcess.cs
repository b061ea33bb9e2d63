using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Workers;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// An IO worker process (processes strategy): like the study's pool initializer it makes
/// its own HttpClient once, then downloads the paths it is sent, one at a time, blocking,
/// as the study's worker processes do. Run by Services/IoWorker (natively compiled) or by
/// IoRunner started with the worker argument.
/// </summary>
public static class IoWorkerProcess
{
    public const string SiteStubVariable = "LAB_SITESTUB_URL";
    public const string TimeoutVariable = "LAB_TIMEOUT_MS";

    public static async Task<int> RunAsync()
    {
        var siteStub = new Uri(Required(SiteStubVariable));
        var timeoutMs = double.Parse(Required(TimeoutVariable), CultureInfo.InvariantCulture);

        using var tracing = WorkerTelemetry.Start(LabTelemetry.IoSource);
        using var source = new ActivitySource(LabTelemetry.IoSource);
        using var client = SiteStubClients.Create(siteStub);
        var downloader = new Downloader(client, TimeSpan.FromMilliseconds(timeoutMs));
        return await WorkerLoop.RunAsync(source, "io.download",
            (path, cancellationToken) => Task.FromResult<ItemOutcome>(downloader.Download(path, cancellationToken)),
            Console.In, Console.Out);
    }

    // The launcher always passes both; a worker started by hand must too.
    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"{variable} is not set.");
}
