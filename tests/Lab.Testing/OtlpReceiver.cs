using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConcurrencyLab.Testing;

/// <summary>
/// A stand-in OTLP/HTTP collector on loopback: keeps every span the lab's services export
/// (traces at /v1/traces), and accepts metrics and logs without keeping them. Tests read a
/// run's trace back from here, as the dashboard would receive it.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedSpan> _spans = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Address => new(_app.Urls.First());

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            if (signal == "traces")
            {
                foreach (var span in OtlpSpans.Read(body.ToArray()))
                    receiver._spans.Enqueue(span);
            }

            // An empty Export…ServiceResponse: everything accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync(cancellationToken);
        return receiver;
    }

    public List<ReceivedSpan> Trace(string traceId) => _spans.Where(span => span.TraceId == traceId).ToList();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
