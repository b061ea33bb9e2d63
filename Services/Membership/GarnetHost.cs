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

    /// <summary>
    /// Stops the store once its silos have left, or after 10 s. On Ctrl+C Aspire stops every
    /// resource at once; a silo that finds the table gone while it leaves the cluster waited
    /// up to 120 s to exit (measured), where with the table there it leaves in about 2 s.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger<GarnetHost>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        int clients;
        while ((clients = await OtherClientsAsync(cancellationToken)) > 0 && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
            await Task.Delay(100, CancellationToken.None);
        if (clients > 0)
            logger.LogWarning("Stopping the membership store with {Clients} client connection(s) still open.", clients);
        Dispose();
    }

    // CLIENT LIST has one line per connection, this one's included.
    private async Task<int> OtherClientsAsync(CancellationToken cancellationToken)
    {
        try
        {
            var list = await StoreCommand.SendAsync(options.Value.Port, ["CLIENT", "LIST"], cancellationToken);
            return list.Split('\n').Count(line => line.StartsWith("id=", StringComparison.Ordinal)) - 1;
        }
        catch (Exception error) when (error is System.Net.Sockets.SocketException or IOException or OperationCanceledException)
        {
            return 0;
        }
    }

    public void Dispose()
    {
        _server?.Dispose();
        _server = null;
    }
}
