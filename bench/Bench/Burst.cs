using System.Net;

namespace ConcurrencyLab.Bench;

/// <summary>
/// N GETs released at once from one HttpClient (one connection each: nothing caps them),
/// as a user's load test would: prints how many answered, with which status, and how
/// many connections failed. Loopback only.
/// </summary>
public static class Burst
{
    public static async Task<int> RunAsync(Uri target, int count)
    {
        var outcomes = await FireAsync(target, count);
        Console.WriteLine($"burst: {count:N0} concurrent GETs at {target}");
        foreach (var (outcome, seen) in outcomes.OrderByDescending(pair => pair.Value))
            Console.WriteLine($"  {outcome}: {seen:N0}");
        return 0;
    }

    /// <summary>Outcome ("200", "503", or the exception's name) → count.</summary>
    public static async Task<Dictionary<string, int>> FireAsync(Uri target, int count)
    {
        if (!target.IsLoopback)
            throw new ArgumentException("Bursts go to loopback only.", nameof(target));
        using var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var requests = Enumerable.Range(0, count).Select(async _ =>
        {
            await release.Task;
            try
            {
                using var response = await client.GetAsync(target, HttpCompletionOption.ResponseHeadersRead);
                return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException)
            {
                return error.InnerException?.GetType().Name ?? error.GetType().Name;
            }
        }).ToList();
        release.SetResult();
        var results = await Task.WhenAll(requests);
        return results.GroupBy(outcome => outcome).ToDictionary(group => group.Key, group => group.Count());
    }
}
