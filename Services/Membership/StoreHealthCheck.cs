using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Membership;

/// <summary>Healthy when the store answers PING with PONG on its port, as a silo's client would ask it.</summary>
public sealed class StoreHealthCheck(IOptions<MembershipOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var answer = await StoreCommand.SendAsync(options.Value.Port, ["PING"], cancellationToken);
            return answer.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"The store answered PING with '{answer.Trim()}'.");
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"No store on port {options.Value.Port}: {error.Message}");
        }
    }
}
