using ConcurrencyLab.Concurrency.Runs;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>A run store whose saves wait until the test opens its gate; it only saves.</summary>
public sealed class GatedRunStore : IRunStore
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _saved = [];
    private int _waiting;

    public string Location => "gated (test)";

    /// <summary>Saves begun and not yet let through.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public IReadOnlyList<string> Saved
    {
        get
        {
            lock (_saved)
                return [.. _saved];
        }
    }

    public void Open() => _gate.TrySetResult();

    public async Task SaveAsync(StoredEntry entry, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        await _gate.Task.WaitAsync(cancellationToken);
        Interlocked.Decrement(ref _waiting);
        lock (_saved)
            _saved.Add(entry.Id);
    }

    public Task<IReadOnlyList<StoredEntry>> ListAsync(StoreQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredEntry?> FindAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<StoredEntry?> FindTaggedAsync(string kind, string tag, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> TagAsync(string id, string tag, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<bool> UntagAsync(string id, string tag, CancellationToken cancellationToken) => throw new NotSupportedException();
}
