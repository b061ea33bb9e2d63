using System.Collections.Concurrent;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// A task scheduler with one thread, like an event loop: every task and every await
/// continuation scheduled on it runs on that thread, one at a time, in order.
/// </summary>
public sealed class SingleThreadScheduler : TaskScheduler, IDisposable
{
    private readonly BlockingCollection<Task> _queue = new();
    private readonly Thread _thread;

    public SingleThreadScheduler(string name)
    {
        _thread = new Thread(() =>
        {
            foreach (var task in _queue.GetConsumingEnumerable())
                TryExecuteTask(task);
        })
        {
            IsBackground = true,
            Name = name,
        };
        _thread.Start();
    }

    public override int MaximumConcurrencyLevel => 1;

    protected override void QueueTask(Task task) => _queue.Add(task);

    // Inline only on the loop's own thread: never let another thread run loop work.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) =>
        Thread.CurrentThread == _thread && TryExecuteTask(task);

    protected override IEnumerable<Task> GetScheduledTasks() => _queue.ToArray();

    /// <summary>Stops accepting work and waits for the loop thread to end.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        if (Thread.CurrentThread != _thread)
            _thread.Join();
        _queue.Dispose();
    }
}
