using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Membership;

/// <summary>Healthy when the store answers PING with PONG on its port, as a silo's client would ask it.</summary>
public sealed class StoreHealthCheck(IOptions<MembershipOptions> options) : IHealthCheck
{
    private static readonly byte[] Ping = Encoding.ASCII.GetBytes("*1\r\n$4\r\nPING\r\n");

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, options.Value.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(Ping, timeout.Token);
            var reply = new byte[16];
            var read = await stream.ReadAsync(reply, timeout.Token);
            var answer = Encoding.ASCII.GetString(reply, 0, read);
            return answer.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The store answered PING with '{answer.Trim()}'.");
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"No store on 127.0.0.1:{options.Value.Port}: {error.Message}");
        }
    }
}
