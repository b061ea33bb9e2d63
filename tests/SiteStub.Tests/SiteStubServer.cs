using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace ConcurrencyLab.SiteStub.Tests;

/// <summary>A real SiteStub on a random loopback port, with a chosen clock and options.</summary>
public sealed class SiteStubServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SiteStubServer(WebApplication app, HttpClient client)
    {
        _app = app;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public SiteStats Stats => _app.Services.GetRequiredService<SiteStats>();

    public static async Task<SiteStubServer> StartAsync(
        Action<SiteStubOptions>? configure = null,
        TimeProvider? time = null,
        ICollection<Activity>? spans = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (time is not null)
            builder.Services.AddSingleton(time);
        builder.AddServiceDefaults();
        builder.AddSiteStub();
        if (configure is not null)
            builder.Services.PostConfigure(configure);
        if (spans is not null)
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));

        var app = builder.Build();
        app.MapSitesApi();
        app.MapDefaultEndpoints();
        await app.StartAsync(TestContext.Current.CancellationToken);

        var client = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        return new SiteStubServer(app, client);
    }

    /// <summary>Polls the server's own counters until they say what the test waits for.</summary>
    public async Task WaitUntilAsync(Func<StatsSnapshot, bool> condition)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (!condition(Stats.Snapshot()))
            await Task.Delay(5, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
