using System.Globalization;
using System.Net;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// A user's load test must not knock the lab over: 10,000 connections at once at a
/// service's own port, and through the gateway, leave every resource running, healthy,
/// and not restarted. Each request is answered or shed; none hangs.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class BurstTests(LabAppFixture lab)
{
    private const int Connections = 10_000;
    private static readonly string[] SingleInstance = ["sitestub", "iorunner", "gateway"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("sitestub", "/sites/dice?latencyMs=100")]
    [InlineData("gateway", "/sites/dice?latencyMs=100")]
    [InlineData("gateway", "/cpu/strategies")]
    public async Task ABurstOfConnectionsLeavesEveryResourceRunningAndHealthy(string resource, string path)
    {
        var started = SingleInstance.ToDictionary(name => name, StartedAt);

        var outcomes = await BurstAsync(new Uri(lab.App.GetEndpoint(resource, "http"), path));

        TestContext.Current.TestOutputHelper?.WriteLine($"{Connections:N0} GETs at {resource}{path}: " +
            string.Join(", ", outcomes.Select(pair => $"{pair.Key} {pair.Value}")));
        Assert.Equal(Connections, outcomes.Values.Sum());
        Assert.True(outcomes.GetValueOrDefault("200") > 0, "Not one request of the burst was served.");
        foreach (var service in LabAppFixture.Services)
        {
            using var client = lab.CreateClient(service);
            using var health = await client.GetAsync("/health", Cancel);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        foreach (var name in SingleInstance)
        {
            Assert.True(lab.App.ResourceNotifications.TryGetCurrentState(name, out var now));
            Assert.Equal(KnownResourceStates.Running, now!.Snapshot.State?.Text);
            Assert.Equal(started[name], now.Snapshot.StartTimeStamp);
        }
    }

    private DateTime? StartedAt(string resource) =>
        lab.App.ResourceNotifications.TryGetCurrentState(resource, out var state) ? state!.Snapshot.StartTimeStamp : null;

    // Every request on its own connection (nothing caps them), all released at once.
    private static async Task<Dictionary<string, int>> BurstAsync(Uri target)
    {
        using var client = new HttpClient(new SocketsHttpHandler()) { Timeout = TimeSpan.FromSeconds(90) };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, Connections).Select(async _ =>
        {
            await go.Task;
            try
            {
                using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead, Cancel);
                return ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (HttpRequestException error)
            {
                return error.HttpRequestError.ToString();
            }
        }).ToList();
        go.SetResult();
        var outcomes = await Task.WhenAll(requests);
        return outcomes.GroupBy(outcome => outcome).ToDictionary(group => group.Key, group => group.Count());
    }
}
