namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>Who ran an item: a thread, a task slot, a worker process or a replica.</summary>
/// <param name="Kind">"thread", "pool-thread", "task", "process" or "replica".</param>
/// <param name="Id">The lane the timeline draws it in, e.g. "worker-3" or "pid 4711".</param>
/// <param name="Pid">The OS process that ran it.</param>
public sealed record WorkerIdentity(string Kind, string Id, int Pid)
{
    /// <summary>
    /// The calling thread: by its name when the strategy named it, else by kind and
    /// managed id (pool threads all share one name, which would merge their lanes).
    /// </summary>
    public static WorkerIdentity CurrentThread(string kind)
    {
        var thread = Thread.CurrentThread;
        var id = thread.IsThreadPoolThread || thread.Name is null ? $"{kind}-{Environment.CurrentManagedThreadId}" : thread.Name;
        return new(kind, id, Environment.ProcessId);
    }
}
