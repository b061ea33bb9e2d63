using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.SiteStub;

/// <summary>
/// Serves one download: waits its turn (MaxConcurrent), waits the sampled latency, then
/// either injects the fault or streams the page (paced when bandwidthKBps is set).
/// Every wait is a timer await: no thread is held by a waiting request.
/// </summary>
public sealed class SiteResponder(
    SiteStats stats,
    SiteStubTelemetry telemetry,
    FifoGate gate,
    TimeProvider time,
    IOptions<SiteStubOptions> options)
{
    // Paced bodies go out in slices of about 1/50 of a second's worth of bytes.
    private const int PacingSlicesPerSecond = 50;
    private const int WriteSliceBytes = 64 * 1024;

    public async Task ServeAsync(HttpContext context, SitePage page, SiteRequest request)
    {
        var aborted = context.RequestAborted;
        var arrived = time.GetTimestamp();
        using var tracker = stats.Begin(page.Name);
        var activity = RecordedRequestSpan();
        activity?.SetTag("sitestub.site", page.Name);
        var outcome = "aborted";
        try
        {
            using var slot = await gate.EnterAsync(aborted);
            var queueMs = time.GetElapsedTime(arrived).TotalMilliseconds;
            tracker.Queued(queueMs);

            // A seeded request draws the same latency and the same fault decision every time.
            var random = request.Seed is { } seed ? new Random(seed) : Random.Shared;
            var latencyMs = request.Latency.SampleMs(random, options.Value.MaxLatencyMs);
            var fails = request.FailRate > 0 && random.NextDouble() < request.FailRate;
            activity?.SetTag("sitestub.queue_ms", queueMs);
            activity?.SetTag("sitestub.latency_ms", latencyMs);

            // Both figures are known now: the header is built before the wait, not in the
            // burst of responses when a thousand waits end at once.
            context.Response.Headers["Server-Timing"] = ServerTiming(queueMs, latencyMs);
            await Task.Delay(TimeSpan.FromMilliseconds(latencyMs), time, aborted);

            if (fails)
            {
                outcome = request.FailMode.ToString().ToLowerInvariant();
                await InjectFaultAsync(context, request, aborted);
            }
            else
            {
                await WriteBodyAsync(context.Response, page, request, aborted);
                outcome = "served";
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client gave up; nothing to answer.
        }
        finally
        {
            tracker.Ended(outcome);
            telemetry.Duration.Record(time.GetElapsedTime(arrived).TotalSeconds, new("site", page.Name), new("outcome", outcome));
            activity?.SetTag("sitestub.outcome", outcome);
            if (outcome != "served")
                activity?.SetStatus(ActivityStatusCode.Error, outcome);
        }
    }

    // What SiteStub did goes on the request's own server span, and only when it is recorded:
    // a sampled-out request pays for no tags in a burst. (A child span of the same length
    // did this before: one more span per traced download for the dashboard to take in.)
    private static Activity? RecordedRequestSpan() => Activity.Current is { Recorded: true } span ? span : null;

    // Milliseconds to at most 3 decimals. Rounded, then written in the shortest form: the
    // custom format "0.###" did the same several times slower.
    private static string ServerTiming(double queueMs, double latencyMs) => string.Create(
        CultureInfo.InvariantCulture, $"queue;dur={Math.Round(queueMs, 3)}, latency;dur={Math.Round(latencyMs, 3)}");

    private async Task InjectFaultAsync(HttpContext context, SiteRequest request, CancellationToken aborted)
    {
        switch (request.FailMode)
        {
            case FailMode.Status:
                context.Response.StatusCode = request.FailStatus;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"SiteStub injected a {request.FailStatus} (failRate={request.FailRate.ToString(CultureInfo.InvariantCulture)}).\n", aborted);
                break;
            case FailMode.Reset:
                context.Abort();
                break;
            case FailMode.Hang:
                // Nothing is sent; the bound keeps a forgotten client from holding the request forever.
                await Task.Delay(TimeSpan.FromMilliseconds(options.Value.MaxHangMs), time, aborted);
                context.Abort();
                break;
        }
    }

    private async Task WriteBodyAsync(HttpResponse response, SitePage page, SiteRequest request, CancellationToken aborted)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.ContentLength = request.SizeBytes;
        if (request.BandwidthKBps is { } kilobytesPerSecond)
            await WritePacedAsync(response, page.Segments(request.SizeBytes), kilobytesPerSecond * 1024, aborted);
        else
            await WriteAtOnceAsync(response, page.Segments(request.SizeBytes), aborted);
    }

    // Copies into the response pipe and flushes once per 64 KiB: a flush is a send() call,
    // and thousands of concurrent small pages would otherwise cost three sends each.
    private static async Task WriteAtOnceAsync(HttpResponse response, IEnumerable<ReadOnlyMemory<byte>> segments, CancellationToken aborted)
    {
        // Headers first: bytes written before the response starts are buffered apart and copied after the headers.
        await response.StartAsync(aborted);
        var writer = response.BodyWriter;
        var unflushed = 0;
        foreach (var segment in segments)
        {
            writer.Write(segment.Span);
            unflushed += segment.Length;
            if (unflushed >= WriteSliceBytes)
            {
                await writer.FlushAsync(aborted);
                unflushed = 0;
            }
        }

        await writer.FlushAsync(aborted);
    }

    // Sends a slice, then waits until the rate allows the next one.
    private async Task WritePacedAsync(HttpResponse response, IEnumerable<ReadOnlyMemory<byte>> segments, double bytesPerSecond, CancellationToken aborted)
    {
        var sliceBytes = (int)Math.Clamp(bytesPerSecond / PacingSlicesPerSecond, 1, WriteSliceBytes);
        var started = time.GetTimestamp();
        long written = 0;
        foreach (var segment in segments)
        {
            for (var offset = 0; offset < segment.Length; offset += sliceBytes)
            {
                var slice = segment.Slice(offset, Math.Min(sliceBytes, segment.Length - offset));
                await response.Body.WriteAsync(slice, aborted);
                await response.Body.FlushAsync(aborted);
                written += slice.Length;
                var due = TimeSpan.FromSeconds(written / bytesPerSecond) - time.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                    await Task.Delay(due, time, aborted);
            }
        }
    }
}
