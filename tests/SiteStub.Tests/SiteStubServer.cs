using System.Diagnostics;
using ConcurrencyLab.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.SiteStub.Tests;

/// <summary>A real SiteStub on a random loopback port, with a chosen clock and options.</summary>
public sealed class SiteStubServer : IAsyncDisposable
{
    private readonly LoopbackApp _app;

    private SiteStubServer(LoopbackApp app) => _app = app;

    public LoopbackApp App => _app;

    public HttpClient Client => _app.Client;

    public IServiceProvider Services => _app.Services;

    public SiteStats Stats => _app.Services.GetRequiredService<SiteStats>();

    public static async Task<SiteStubServer> StartAsync(
        Action<SiteStubOptions>? configure = null,
        TimeProvider? time = null,
        ICollection<Activity>? spans = null)
    {
        var app = await LoopbackApp.StartAsync(
            builder =>
            {
                builder.AddSiteStub().AddLabOpenApi("SiteStub", "tests");
                if (configure is not null)
                    builder.Services.PostConfigure(configure);
            },
            web =>
            {
                web.MapSitesApi();
                web.MapLabOpenApi("/sites");
            },
            time: time,
            spans: spans,
            cancellationToken: TestContext.Current.CancellationToken);
        return new SiteStubServer(app);
    }

    /// <summary>Polls the server's own counters until they say what the test waits for.</summary>
    public Task WaitUntilAsync(Func<StatsSnapshot, bool> condition) =>
        Eventually.HoldsAsync(() => condition(Stats.Snapshot()), TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
