using System.Collections.Concurrent;
using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>
/// Work whose behaviour a test sets: items can wait until a given number of them are in
/// flight together (so overlap is forced, not hoped for), fail, throw, or block until the
/// run is cancelled. It remembers which threads ran it.
/// </summary>
public sealed class FakeWorkload(int items) : IWorkload
{
    private static readonly TimeSpan RendezvousLimit = TimeSpan.FromSeconds(20);
    private CountdownEvent? _rendezvous;
    private TaskCompletionSource? _allStarted;
    private int _started;

    public string Name => "fake";

    public string ItemSpanName => "fake.item";

    public int ItemCount => items;

    public bool WorkersTraceItems { get; init; } = true;

    public bool CountsBytes => true;

    public double ItemMs { get; init; } = 10;

    /// <summary>Items fail with this reason when the predicate holds.</summary>
    public Func<int, string?> FailWhen { get; init; } = _ => null;

    /// <summary>Items throw when the predicate holds.</summary>
    public Func<int, bool> ThrowWhen { get; init; } = _ => false;

    /// <summary>Each item makes a "fake.call" span on this source, as a download's HttpClient span.</summary>
    public ActivitySource? CallSource { get; init; }

    /// <summary>Blocking items compute until their thread has used this much CPU time (measured by its own clock, not the wall).</summary>
    public double CpuMsPerItem { get; init; }

    /// <summary>Items block until the run is cancelled.</summary>
    public bool BlockUntilCancelled { get; init; }

    /// <summary>Each thread that ran an item, and whether it was a pool thread then.</summary>
    public ConcurrentBag<(Thread Thread, bool Pool)> Threads { get; } = [];

    public int SessionsCreated => _sessions;

    private int _sessions;

    /// <summary>The first n items each wait until n items are running at the same time.</summary>
    public FakeWorkload MeetInGroupsOf(int n)
    {
        _rendezvous = new CountdownEvent(n);
        return this;
    }

    /// <summary>Async items wait until every item has started.</summary>
    public FakeWorkload AllStartBeforeAnyEnds()
    {
        _allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return this;
    }

    public IWorkSession CreateSession()
    {
        Interlocked.Increment(ref _sessions);
        return new Session(this);
    }

    public string DescribeForWorker(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public double IdealMs(int concurrency) => Math.Ceiling(items / (double)concurrency) * ItemMs;

    public object? Results(IReadOnlyList<(int Index, ItemOutcome Outcome)> outcomes) => null;

    // The first n callers join the group and wait for each other; later ones do not.
    private CountdownEvent? TryJoinRendezvous()
    {
        if (_rendezvous is not { } rendezvous)
            return null;
        lock (rendezvous)
        {
            if (rendezvous.IsSet)
                return null;
            rendezvous.Signal();
            return rendezvous;
        }
    }

    private ItemOutcome Finish(int index)
    {
        using (CallSource?.StartActivity("fake.call", ActivityKind.Client))
        {
            // Only the span matters: whether the item's trace policy records it.
        }


        if (ThrowWhen(index))
            throw new InvalidOperationException($"item {index} throws");
        return FailWhen(index) is { } reason ? ItemOutcome.Failure(reason) : ItemOutcome.Success(bytes: 100);
    }

    private sealed class Session(FakeWorkload work) : IWorkSession
    {
        public ItemOutcome Run(int index, CancellationToken cancellationToken)
        {
            work.Threads.Add((Thread.CurrentThread, Thread.CurrentThread.IsThreadPoolThread));
            if (work.BlockUntilCancelled)
            {
                cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (work.TryJoinRendezvous() is { } rendezvous)
            {
                if (!rendezvous.Wait(RendezvousLimit, cancellationToken))
                    return ItemOutcome.Failure("rendezvous-timeout");
            }
            else
            {
                Thread.Sleep(1);
            }

            if (work.CpuMsPerItem > 0 && ThreadCpuTime.Now() is { } begin)
            {
                while ((ThreadCpuTime.Now() - begin)?.TotalMilliseconds < work.CpuMsPerItem)
                {
                    // Spin: the item is on-CPU.
                }
            }

            return work.Finish(index);
        }

        public async ValueTask<ItemOutcome> RunAsync(int index, CancellationToken cancellationToken)
        {
            work.Threads.Add((Thread.CurrentThread, Thread.CurrentThread.IsThreadPoolThread));
            if (work.BlockUntilCancelled)
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
            if (work._allStarted is { } all)
            {
                if (Interlocked.Increment(ref work._started) == work.ItemCount)
                    all.TrySetResult();
                await all.Task.WaitAsync(RendezvousLimit, cancellationToken);
            }
            else
            {
                await Task.Delay(1, cancellationToken);
            }

            return work.Finish(index);
        }

        public void Dispose()
        {
        }
    }
}
