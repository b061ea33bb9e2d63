using System.Collections.Concurrent;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// The start-up and dispatch of each strategy's last few warm runs, kept for predictions.
/// One run's figure swings with this machine's noise; the median of the last few does less.
/// </summary>
public sealed class RecentCosts
{
    public const int Kept = 5;

    private readonly ConcurrentDictionary<string, Recent> _startup = new();
    private readonly ConcurrentDictionary<string, Recent> _dispatch = new();

    public void Add(string strategy, double? startupMs, double? dispatchMs)
    {
        if (startupMs is { } startup)
            _startup.GetOrAdd(strategy, _ => new Recent()).Add(startup);
        if (dispatchMs is { } dispatch)
            _dispatch.GetOrAdd(strategy, _ => new Recent()).Add(dispatch);
    }

    /// <summary>Each strategy's median over its kept runs.</summary>
    public WorkerCosts Medians() => new(Medians(_startup), Medians(_dispatch));

    private static Dictionary<string, double> Medians(ConcurrentDictionary<string, Recent> recent) =>
        recent.ToDictionary(pair => pair.Key, pair => pair.Value.Median());

    private sealed class Recent
    {
        private readonly Lock _lock = new();
        private readonly Queue<double> _values = new();

        public void Add(double value)
        {
            lock (_lock)
            {
                _values.Enqueue(value);
                if (_values.Count > Kept)
                    _values.Dequeue();
            }
        }

        public double Median()
        {
            lock (_lock)
                return Spread.Of([.. _values]).Median;
        }
    }
}
