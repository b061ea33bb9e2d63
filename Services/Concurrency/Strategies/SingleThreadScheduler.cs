using System.Collections.Concurrent;

using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// A task scheduler with one thread, like an event loop: every task and every await
/// continuation scheduled on it runs on that thread, one at a time, in order.
/// </summary>
public sealed class SingleThreadScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly Thread _thread;
    private int _disposed;

    public SingleThreadScheduler(string name)
    {
        _thread = new Thread(() =>
        {
            var cpuBefore = ThreadCpuTime.Now();
            foreach (var task in _queue.GetConsumingEnumerable())
                TryExecuteTask(task);
            CpuTime = ThreadCpuTime.Now() - cpuBefore;
            // The loop owns its queue: disposed only once nothing takes from it any more.
            _queue.Dispose();
        })
        {
            IsBackground = true,
            Name = name,
        };
        _thread.Start();
    }

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>The loop thread's CPU time, once it has ended (after Dispose); null where unknown.</summary>
    public TimeSpan? CpuTime { get; private set; }

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Inline only on the loop's own thread: never let another thread run loop work.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    /// <summary>
    /// Stops accepting work and waits for the loop thread to end. Called from the loop itself
    /// (a continuation on it), it cannot wait: the loop ends after that continuation returns.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        _queue.CompleteAdding();
        if (Thread.CurrentThread != _thread)
            _thread.Join();
    }
}
