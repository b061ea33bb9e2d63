using System.Diagnostics;

namespace ConcurrencyLab.Bench;

/// <summary>
/// The whole lab as users run it: the AppHost (Debug build) with its launch profile's
/// settings, its fixed ports (gateway 5080, cpurunner 5082), and its replicas.
/// </summary>
public sealed class LabAppHost : IAsyncDisposable
{
    private readonly Process _process;

    private LabAppHost(Process process) => _process = process;

    public static Uri Gateway { get; } = new("http://localhost:5080");

    public static Uri CpuRunner { get; } = new("http://localhost:5082");

    public static async Task<LabAppHost> StartAsync()
    {
        var executable = Path.Combine(RepoPaths.Root(), "AppHost", "bin", "Debug", "net10.0", "AppHost");
        if (!File.Exists(executable))
            throw new FileNotFoundException($"Build the lab first (dotnet build): {executable} is missing.");
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = Path.Combine(RepoPaths.Root(), "AppHost"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // The AppHost's http launch profile, which `dotnet run --project AppHost` applies.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://localhost:18888";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = "http://localhost:18889";
        start.Environment["ASPIRE_RESOURCE_SERVICE_ENDPOINT_URL"] = "http://localhost:18890";
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the AppHost.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new LabAppHost(process);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        foreach (var health in new[] { new Uri(Gateway, "/health"), new Uri(CpuRunner, "/health") })
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var response = await probe.GetAsync(health);
                    if (response.IsSuccessStatusCode)
                        break;
                }
                catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
                {
                    // Not up yet.
                }

                if (attempt > 300)
                {
                    await host.DisposeAsync();
                    throw new TimeoutException($"The lab did not answer {health}.");
                }

                await Task.Delay(200);
            }
        }

        return host;
    }

    /// <summary>Stops it as Ctrl+C would (SIGTERM), so it takes its services down with it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await terminate.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
