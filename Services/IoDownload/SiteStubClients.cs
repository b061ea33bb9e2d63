namespace ConcurrencyLab.IoRunner;

/// <summary>
/// The measurement HttpClient: no resilience handler, no retries, no redirects, no
/// connection cap unless the run asks for one (maxConnections), and no timeout of its own
/// (each download carries the run's timeoutMs).
/// </summary>
public static class SiteStubClients
{
    public static HttpClient Create(Uri baseAddress, int? maxConnections = null) =>
        new(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = maxConnections ?? int.MaxValue,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectTimeout = TimeSpan.FromSeconds(30),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
