using System.Net.Http.Json;
using System.Text.Json;

namespace ConcurrencyLab.Bench;

/// <summary>SiteStub and IoRunner as users run them (Debug builds, own processes), on loopback.</summary>
public sealed class IoLabProcesses : IAsyncDisposable
{
    private IoLabProcesses(ServerProcess siteStub, ServerProcess ioRunner)
    {
        SiteStub = siteStub;
        IoRunner = ioRunner;
        Client = new HttpClient { BaseAddress = ioRunner.Address, Timeout = TimeSpan.FromMinutes(10) };
        SiteStubClient = new HttpClient { BaseAddress = siteStub.Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public ServerProcess SiteStub { get; }

    public ServerProcess IoRunner { get; }

    public HttpClient Client { get; }

    public HttpClient SiteStubClient { get; }

    public static async Task<IoLabProcesses> StartAsync()
    {
        var siteStub = await ServerProcess.StartAsync(RepoPaths.Service("SiteStub"), 5183);
        var ioRunner = await ServerProcess.StartAsync(RepoPaths.Service("IoRunner"), 5181, new Dictionary<string, string>
        {
            ["IoRunner__SiteStubUrl"] = siteStub.Address.ToString(),
        });
        return new IoLabProcesses(siteStub, ioRunner);
    }

    public async Task<JsonElement> PostAsync(string path, object body)
    {
        using var response = await Client.PostAsJsonAsync(path, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {json}");
        return json;
    }

    public async Task<JsonElement> GetAsync(string path) => await Client.GetFromJsonAsync<JsonElement>(path);

    public async Task<long> SiteStubInFlightAsync() =>
        (await SiteStubClient.GetFromJsonAsync<JsonElement>("/sites/stats")).GetProperty("total").GetProperty("inFlight").GetInt64();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        SiteStubClient.Dispose();
        await IoRunner.DisposeAsync();
        await SiteStub.DisposeAsync();
    }
}
