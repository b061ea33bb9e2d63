using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

/// <summary>
/// Ends the AppHost when no lab service accepts connections any more (seen when DCP's
/// proxy ran out of file descriptors under a burst: DCP took every service down, sent no
/// notification, and the AppHost stayed alive on its ports, so the next
/// `dotnet run --project AppHost` failed on them). One service down is left alone: the
/// others still answer, and the dashboard can restart it.
/// </summary>
public sealed class LabWatchdog(
    DistributedApplicationModel model,
    IHostApplicationLifetime lifetime,
    ILogger<LabWatchdog> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);
    // A busy service still accepts connections; refusals this many probes in a row mean nothing listens.
    private const int Strikes = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var endpoints = model.Resources.OfType<ProjectResource>().Select(project => project.GetEndpoint("http")).ToList();
        var seenUp = false;
        var strikes = 0;
        using var timer = new PeriodicTimer(ProbeEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var listening = 0;
                foreach (var endpoint in endpoints.Where(endpoint => endpoint.IsAllocated))
                {
                    if (await AcceptsAsync(endpoint, stoppingToken))
                        listening++;
                }

                seenUp |= listening > 0;
                strikes = seenUp && listening == 0 ? strikes + 1 : 0;
                if (strikes < Strikes)
                    continue;
                logger.LogCritical("No lab service accepts connections any more ({Ports}): the AppHost stops too, freeing its ports. Start the lab again with `dotnet run --project AppHost`.",
                    string.Join(", ", endpoints.Select(endpoint => endpoint.Port)));
                lifetime.StopApplication();
                return;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static async Task<bool> AcceptsAsync(EndpointReference endpoint, CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(ConnectTimeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Slow to accept is busy, not gone.
            return true;
        }
    }
}
