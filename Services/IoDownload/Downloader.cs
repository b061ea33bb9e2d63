using System.Buffers;
using System.Net.Sockets;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// One download: GET the page, read the whole body, count its bytes. Blocking (the honest
/// analogue of the study's requests.get) or asynchronous. Failures come back as outcomes
/// with a reason: timeout, reset, connect, http_503…
/// </summary>
public sealed class Downloader(HttpClient client, TimeSpan timeout)
{
    private const int BufferBytes = 16 * 1024;

    public ItemOutcome Download(string path, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            using var response = client.Send(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            using var body = response.Content.ReadAsStream(deadline.Token);
            long bytes = 0;
            int read;
            while ((read = body.Read(buffer)) > 0)
            {
                deadline.Token.ThrowIfCancellationRequested();
                bytes += read;
            }

            return Outcome(response, bytes);
        }
        catch (Exception error) when (Classify(error, cancellationToken) is { } reason)
        {
            return ItemOutcome.Failure(reason);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async ValueTask<ItemOutcome> DownloadAsync(string path, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
        try
        {
            using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            await using var body = await response.Content.ReadAsStreamAsync(deadline.Token);
            long bytes = 0;
            int read;
            while ((read = await body.ReadAsync(buffer, deadline.Token)) > 0)
                bytes += read;
            return Outcome(response, bytes);
        }
        catch (Exception error) when (Classify(error, cancellationToken) is { } reason)
        {
            return ItemOutcome.Failure(reason);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ItemOutcome Outcome(HttpResponseMessage response, long bytes) =>
        (response.IsSuccessStatusCode ? ItemOutcome.Success(bytes) : ItemOutcome.Failure($"http_{(int)response.StatusCode}"))
            with { ServerQueueMs = ServerTiming.QueueMs(response) };

    /// <summary>The reason for a failed download; null when the run itself was cancelled.</summary>
    internal static string? Classify(Exception error, CancellationToken run)
    {
        if (run.IsCancellationRequested)
            return null;
        if (error is OperationCanceledException)
            return "timeout";
        if (error is not (HttpRequestException or IOException))
            return null;
        // The cause is usually a few exceptions deep: socket error, then IO, then HTTP.
        for (var cause = error; cause is not null; cause = cause.InnerException)
        {
            switch (cause)
            {
                case SocketException { SocketErrorCode: SocketError.ConnectionRefused }:
                    return "connect_refused";
                case SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted }:
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return "reset";
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }:
                    return "connect";
            }
        }

        return error is IOException ? "reset" : "http_error";
    }
}
