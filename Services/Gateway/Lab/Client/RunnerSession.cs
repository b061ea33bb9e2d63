using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Gateway.Lab.Client;

/// <summary>
/// The page's calls to one runner, all over a single connection. Aspire's proxy picks a
/// cpurunner replica per connection and a run lives in the replica that started it, so
/// the start, every progress poll and the cancel of one run must share a connection.
/// </summary>
public sealed class RunnerSession : IDisposable
{
    private readonly HttpClient _http;

    public RunnerSession(Uri runner, string workload)
    {
        Workload = workload;
        _http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        {
            BaseAddress = runner,
            // Runs, compares and sweeps last as long as the user asked; the user cancels them.
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public string Workload { get; }

    public Task<ApiResult<RunReport>> StartRunAsync(JsonObject body, CancellationToken cancellationToken) =>
        SendAsync<RunReport>(HttpMethod.Post, $"/{Workload}/runs", body, cancellationToken);

    public Task<ApiResult<RunReport>> GetRunAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<RunReport>(HttpMethod.Get, $"/{Workload}/runs/{Uri.EscapeDataString(id)}", null, cancellationToken);

    public Task<ApiResult<RunReport>> CancelRunAsync(string id, CancellationToken cancellationToken) =>
        SendAsync<RunReport>(HttpMethod.Delete, $"/{Workload}/runs/{Uri.EscapeDataString(id)}", null, cancellationToken);

    /// <param name="againstBaseline">Beside the newest stored compare tagged "baseline" (?baseline).</param>
    public Task<ApiResult<ComparisonReport>> CompareAsync(JsonObject body, CancellationToken cancellationToken, bool againstBaseline = false) =>
        SendAsync<ComparisonReport>(HttpMethod.Post, $"/{Workload}/compare{(againstBaseline ? "?baseline" : "")}", body, cancellationToken);

    public Task<ApiResult<ComparisonReport>> SweepAsync(JsonObject body, CancellationToken cancellationToken, bool againstBaseline = false) =>
        SendAsync<ComparisonReport>(HttpMethod.Post, $"/{Workload}/sweep{(againstBaseline ? "?baseline" : "")}", body, cancellationToken);

    /// <summary>Stored compares and sweeps, newest first.</summary>
    public Task<ApiResult<List<ComparisonReport>>> StoredComparesAsync(CancellationToken cancellationToken) =>
        SendAsync<List<ComparisonReport>>(HttpMethod.Get, $"/{Workload}/compares?pageSize=20", null, cancellationToken);

    /// <summary>Tags a stored run, compare or sweep; null when it worked, else the problem.</summary>
    public async Task<ApiProblem?> TagAsync(string id, string tag, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.PutAsync($"/{Workload}/runs/{Uri.EscapeDataString(id)}/tags/{Uri.EscapeDataString(tag)}", null, cancellationToken);
            return response.IsSuccessStatusCode ? null : await ApiProblem.ReadAsync(response, cancellationToken);
        }
        catch (HttpRequestException error)
        {
            return ApiProblem.Unreachable(Workload == Workloads.Io ? "IoRunner" : "CpuRunner", error);
        }
    }

    /// <summary>The runs this runner (this replica) keeps, newest first, without timelines.</summary>
    public Task<ApiResult<List<RunReport>>> ListRunsAsync(CancellationToken cancellationToken) =>
        SendAsync<List<RunReport>>(HttpMethod.Get, $"/{Workload}/runs", null, cancellationToken);

    /// <summary>Which runner instance (which replica) this session's connection reaches.</summary>
    public Task<ApiResult<InstanceInfo>> InstanceAsync(CancellationToken cancellationToken) =>
        SendAsync<InstanceInfo>(HttpMethod.Get, $"/{Workload}/instance", null, cancellationToken);

    public Task<ApiResult<List<StrategyView>>> StrategiesAsync(CancellationToken cancellationToken) =>
        SendAsync<List<StrategyView>>(HttpMethod.Get, $"/{Workload}/strategies", null, cancellationToken);

    public void Dispose() => _http.Dispose();

    private async Task<ApiResult<T>> SendAsync<T>(HttpMethod method, string path, JsonObject? body, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
            request.Content = JsonContent.Create(body);
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken);
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
                && await response.Content.ReadFromJsonAsync<T>(cancellationToken) is { } value)
                return ApiResult<T>.Ok(value);
            return ApiResult<T>.Failed(await ApiProblem.ReadAsync(response, cancellationToken));
        }
        catch (Exception error) when (error is HttpRequestException or JsonException)
        {
            // Unreachable, or an answer that is not the report it should be: a problem to show, never a crash.
            return ApiResult<T>.Failed(ApiProblem.Unreachable(Workload == Workloads.Io ? "IoRunner" : "CpuRunner", error));
        }
    }
}
