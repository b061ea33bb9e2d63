using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.Hosting;

namespace ConcurrencyLab.CpuRunner.Tests;

/// <summary>A real CpuRunner on loopback; its replicas strategy targets itself (one replica).</summary>
public sealed class CpuLab : IAsyncDisposable
{
    private CpuLab(LoopbackApp app) => App = app;

    public LoopbackApp App { get; }

    public HttpClient Client => App.Client;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<CpuLab> StartAsync(IDictionary<string, string?>? settings = null, SpanCollector? spans = null) =>
        new(await LoopbackApp.StartAsync(b => b.AddCpuRunner().AddLabOpenApi("CpuRunner", "tests"), app =>
        {
            app.MapRunsApi("/cpu", "CPU", typeof(CpuRunRequest));
            app.MapWorkApi();
            app.MapClusterApi();
            app.MapInstanceApi("/cpu");
            app.MapLabOpenApi("/cpu");
        }, settings: settings, spans: spans, cancellationToken: Cancel));

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body, Cancel);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>(Cancel));
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
