namespace ConcurrencyLab.SiteStub;

/// <summary>
/// At most Capacity holders at once; the others wait asynchronously in arrival order, like
/// connections queued on a server with a fixed number of workers. Capacity 0 = no limit.
/// </summary>
public sealed class FifoGate(int capacity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiting = new();
    private int _holders;

    public int Capacity { get; } = capacity;

    public int Waiting
    {
        get
        {
            lock (_lock)
                return _waiting.Count;
        }
    }

    /// <summary>Waits for a place; dispose the result to hand the place to the next in line.</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancellationToken)
    {
        if (Capacity == 0)
            return new Slot(null);

        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            if (_holders < Capacity)
            {
                _holders++;
                return new Slot(this);
            }

            node = _waiting.AddLast(new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        await using (cancellationToken.Register(() => GiveUp(node)))
        {
            // Either Release handed us the place (result) or we gave up (cancelled).
            await node.Value.Task.ConfigureAwait(false);
        }

        return new Slot(this);
    }

    private void GiveUp(LinkedListNode<TaskCompletionSource> node)
    {
        lock (_lock)
        {
            // Only a waiter still in line can give up; one already handed a place keeps it.
            if (node.List is null)
                return;
            _waiting.Remove(node);
        }

        node.Value.TrySetCanceled();
    }

    private void Release()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (_waiting.First is { } first)
            {
                // The place passes straight to the first waiter: _holders stays the same.
                _waiting.RemoveFirst();
                next = first.Value;
            }
            else
            {
                _holders--;
            }
        }

        next?.TrySetResult();
    }

    public readonly struct Slot(FifoGate? gate) : IDisposable
    {
        public void Dispose() => gate?.Release();
    }
}
