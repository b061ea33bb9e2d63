using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.RunStore;
using ConcurrencyLab.SiteStub;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.IoRunner.Tests;

/// <summary>A real SiteStub and a real IoRunner pointed at it, both on loopback.</summary>
public sealed class IoLab : IAsyncDisposable
{
    private IoLab(LoopbackApp siteStub, LoopbackApp ioRunner)
    {
        SiteStub = siteStub;
        IoRunner = ioRunner;
    }

    public LoopbackApp SiteStub { get; }

    public LoopbackApp IoRunner { get; }

    public HttpClient Client => IoRunner.Client;

    public SiteStats Stats => SiteStub.Services.GetRequiredService<SiteStats>();

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static async Task<IoLab> StartAsync(
        TimeProvider? siteStubTime = null,
        IDictionary<string, string?>? ioRunnerSettings = null,
        ICollection<Activity>? spans = null,
        IDictionary<string, string?>? siteStubSettings = null)
    {
        var siteStub = await LoopbackApp.StartAsync(b => b.AddSiteStub(), app => app.MapSitesApi(),
            settings: siteStubSettings, time: siteStubTime, spans: spans, cancellationToken: Cancel);
        var settings = new Dictionary<string, string?>(ioRunnerSettings ?? new Dictionary<string, string?>())
        {
            ["IoRunner:SiteStubUrl"] = siteStub.Address.ToString(),
        };
        // With Lab:DataDir in the settings, the runner keeps its runs in a store there, as in the lab.
        // The endpoints of the runner's Program, each one.
        var ioRunner = await LoopbackApp.StartAsync(b => b.AddIoRunner().AddRunStore("iorunner").AddLabOpenApi("IoRunner", "tests", IoRequestExamples.All), app =>
            {
                app.MapRunsApi("/io", "IO", typeof(IoRunRequest));
                app.MapProbeApi();
                app.MapInstanceApi("/io");
                app.MapLabOpenApi("/io");
            },
            settings: settings, spans: spans, cancellationToken: Cancel);
        return new IoLab(siteStub, ioRunner);
    }

    public async Task<(HttpResponseMessage Response, JsonElement Body)> PostAsync(string path, object body)
    {
        var response = await Client.PostAsJsonAsync(path, body, Cancel);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        return (response, json);
    }

    public async Task<JsonElement> GetAsync(string path) => await Client.GetFromJsonAsync<JsonElement>(path, Cancel);

    public Task WaitUntilAsync(Func<StatsSnapshot, bool> condition) =>
        Eventually.HoldsAsync(() => condition(Stats.Snapshot()), Cancel);

    public async ValueTask DisposeAsync()
    {
        await IoRunner.DisposeAsync();
        await SiteStub.DisposeAsync();
    }
}
