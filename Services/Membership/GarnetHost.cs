using System.Globalization;
using Garnet;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Membership;

/// <summary>
/// Runs a Garnet server (Microsoft's Redis-compatible store) in this process, on loopback in the lab:
/// the table the Orleans silos write their membership rows to. Lua is on because Orleans'
/// Redis clustering writes those rows with scripts (with it off, silos hang in "Joining").
/// </summary>
public sealed class GarnetHost(IOptions<MembershipOptions> options, ILoggerFactory loggers) : IHostedService, IDisposable
{
    private GarnetServer? _server;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        string[] arguments =
        [
            "--bind", settings.Bind,
            "--port", settings.Port.ToString(CultureInfo.InvariantCulture),
            "--lua", "true",
            "--memory", settings.Memory,
            "--index", "1m",
        ];
        _server = new GarnetServer(arguments, loggers);
        _server.Start();
        loggers.CreateLogger<GarnetHost>().LogInformation("Membership store listening on {Bind}:{Port}", settings.Bind, settings.Port);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }
}
