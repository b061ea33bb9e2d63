using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>
/// Aspire checks a replicated resource's health through its proxy, which reaches one
/// replica per check and marks every replica with the answer. A replica that just
/// (re)started can so read healthy while it still warms up and answers /health 503.
/// This asks each replica's own process instead.
/// </summary>
internal static class ReplicaProcesses
{
    private static readonly TimeSpan BetweenProbes = TimeSpan.FromMilliseconds(250);

    /// <summary>Waits until this many distinct cpurunner processes have each answered /health 200 on their own connection.</summary>
    public static async Task WaitUntilEachAnswersHealthyAsync(Func<HttpClient> pinnedClient, int replicas, CancellationToken cancellationToken)
    {
        var healthy = new HashSet<int>();
        while (healthy.Count < replicas)
        {
            if (await ProbeAsync(pinnedClient, cancellationToken) is (int pid, bool isHealthy))
            {
                if (isHealthy)
                    healthy.Add(pid);
                else
                    healthy.Remove(pid);
            }

            if (healthy.Count < replicas)
                await Task.Delay(BetweenProbes, cancellationToken);
        }
    }

    // One fresh connection reaches one process: which one, and is it healthy. Null while the proxy cannot reach it.
    private static async Task<(int Pid, bool Healthy)?> ProbeAsync(Func<HttpClient> pinnedClient, CancellationToken cancellationToken)
    {
        using var client = pinnedClient();
        try
        {
            var who = await client.GetFromJsonAsync<JsonElement>("/cpu/instance", cancellationToken);
            using var health = await client.GetAsync("/health", cancellationToken);
            return (who.GetProperty("pid").GetInt32(), health.StatusCode == HttpStatusCode.OK);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
