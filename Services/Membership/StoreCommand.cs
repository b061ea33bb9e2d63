using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConcurrencyLab.Membership;

/// <summary>Sends one command to the store over its own Redis-protocol connection and reads the reply, bounded.</summary>
public static class StoreCommand
{
    public static async Task<string> SendAsync(int port, IReadOnlyList<string> command, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
        var stream = client.GetStream();
        var request = new StringBuilder($"*{command.Count}\r\n");
        foreach (var part in command)
            request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        // Replies here are short (PONG, a few client lines): one read of up to 64 KiB holds them.
        var reply = new byte[64 * 1024];
        var read = await stream.ReadAsync(reply, timeout.Token);
        return Encoding.UTF8.GetString(reply, 0, read);
    }
}
