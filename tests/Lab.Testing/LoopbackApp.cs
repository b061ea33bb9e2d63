using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace ConcurrencyLab.Testing;

/// <summary>
/// A lab service on a real Kestrel server on a random 127.0.0.1 port, wired the way its
/// Program.cs wires it (through the same extension methods), with a test's clock,
/// settings and span collector.
/// </summary>
public sealed class LoopbackApp : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackApp(WebApplication app)
    {
        _app = app;
        Address = new Uri(app.Urls.First());
        Client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LoopbackApp> StartAsync(
        Action<WebApplicationBuilder> register,
        Action<WebApplication> map,
        IDictionary<string, string?>? settings = null,
        TimeProvider? time = null,
        ICollection<Activity>? spans = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        // A test counts what its own runs do: the runners' start-up warm-up stays off unless the test turns it on.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Lab:WarmUp"] = "false" });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (time is not null)
            builder.Services.AddSingleton(time);
        builder.AddServiceDefaults();
        register(builder);
        if (spans is not null)
            builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(spans));

        var app = builder.Build();
        map(app);
        app.MapDefaultEndpoints();
        await app.StartAsync(cancellationToken);
        return new LoopbackApp(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
