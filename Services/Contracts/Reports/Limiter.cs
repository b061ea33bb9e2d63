namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>What bounded a run's overlap, and the figures that show it.</summary>
/// <param name="Name">One of LimiterNames.</param>
/// <param name="Because">The sentence citing the report's figures.</param>
public sealed record Limiter(string Name, string Because);

/// <summary>The caps a run's overlap can meet.</summary>
public static class LimiterNames
{
    public const string Workers = "workers asked";
    public const string ThreadPool = "thread pool";
    public const string Cores = "cores";
    public const string Gil = "emulated GIL";
    public const string Startup = "worker start-up";
    public const string EventLoop = "event loop";
    public const string ServerQueue = "server queue";
    public const string Connections = "connection limit";
    public const string None = "nothing";
}
