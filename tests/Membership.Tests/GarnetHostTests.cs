using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Membership.Tests;

/// <summary>A real Garnet server in the test's process, on a loopback port of its own.</summary>
public sealed class GarnetHostTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStoreAnswersPingAndItsHealthCheckSaysHealthy()
    {
        var options = Options.Create(new MembershipOptions { Port = FreePort() });
        using var host = new GarnetHost(options, NullLoggerFactory.Instance);
        await host.StartAsync(Cancel);

        Assert.StartsWith("+PONG", await StoreCommand.SendAsync(options.Value.Port, ["PING"], Cancel));
        var health = await new StoreHealthCheck(options).CheckHealthAsync(new HealthCheckContext(), Cancel);
        Assert.Equal(HealthStatus.Healthy, health.Status);

        await host.StopAsync(Cancel);
        var after = await new StoreHealthCheck(options).CheckHealthAsync(new HealthCheckContext(), Cancel);
        Assert.Equal(HealthStatus.Unhealthy, after.Status);
    }

    [Fact]
    public async Task StoppingWaitsForAConnectedSiloToLeaveAndServesItMeanwhile()
    {
        var options = Options.Create(new MembershipOptions { Port = FreePort() });
        using var host = new GarnetHost(options, NullLoggerFactory.Instance);
        await host.StartAsync(Cancel);
        using var silo = new TcpClient();
        await silo.ConnectAsync(IPAddress.Loopback, options.Value.Port, Cancel);

        var stopping = host.StopAsync(Cancel);

        // Still serving while the silo is connected: its last table writes on the way out land.
        Assert.StartsWith("+PONG", await StoreCommand.SendAsync(options.Value.Port, ["PING"], Cancel));
        Assert.False(stopping.IsCompleted);
        silo.Close();
        await stopping.WaitAsync(TimeSpan.FromSeconds(30), Cancel);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
