namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// Every strategy's name, as requests, reports and the page spell it: the one place they
/// are written. A strategy's Name returns its constant; everything else refers to these.
/// </summary>
public static class StrategyNames
{
    public const string Sequential = "sequential";
    public const string Threads = "threads";
    public const string ThreadPool = "threadpool";
    public const string Async = "async";
    public const string Gil = "gil";
    public const string Processes = "processes";
    public const string Replicas = "replicas";
    public const string Orleans = "orleans";
}
