namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// Samples the .NET thread pool's thread count and queue on a dedicated thread (a pool
/// timer would itself starve when blocking work starves the pool), so a report can show
/// the pool growing slowly under blocking calls.
/// </summary>
public sealed class ThreadPoolSampler
{
    private const int MaxSamples = 400;
    private readonly List<ThreadPoolSample> _samples = [];
    private readonly Lock _lock = new();
    private int _min = int.MaxValue;
    private int _max;

    public (int Min, int Max) Range
    {
        get
        {
            lock (_lock)
                return _max == 0 ? (ThreadPool.ThreadCount, ThreadPool.ThreadCount) : (_min, _max);
        }
    }

    public IReadOnlyList<ThreadPoolSample> Samples
    {
        get
        {
            lock (_lock)
                return _samples.ToList();
        }
    }

    public void Sample(double atMs)
    {
        var threads = ThreadPool.ThreadCount;
        var queued = ThreadPool.PendingWorkItemCount;
        lock (_lock)
        {
            _min = Math.Min(_min, threads);
            _max = Math.Max(_max, threads);
            // Keep the series bounded: thin it to every other sample when full.
            if (_samples.Count >= MaxSamples)
            {
                for (var i = _samples.Count - 1; i > 0; i -= 2)
                    _samples.RemoveAt(i);
            }

            _samples.Add(new ThreadPoolSample(Math.Round(atMs, 1), threads, queued));
        }
    }

    /// <summary>Samples every interval on its own thread until the token is cancelled.</summary>
    public Thread StartSampling(Func<double> clockMs, TimeSpan interval, CancellationToken stop)
    {
        var thread = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Sample(clockMs());
                stop.WaitHandle.WaitOne(interval);
            }

            Sample(clockMs());
        })
        {
            IsBackground = true,
            Name = "lab-threadpool-sampler",
        };
        thread.Start();
        return thread;
    }
}
