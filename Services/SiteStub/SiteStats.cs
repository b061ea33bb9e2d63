using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.SiteStub;

/// <summary>
/// The server's own view of a run: requests served, faults injected, and how many were
/// in flight at once (now, and the peak since the last reset), per site and in total.
/// A request is in flight from arrival to its last byte, queue wait included.
/// </summary>
public sealed class SiteStats
{
    private readonly ConcurrentDictionary<string, Counters> _sites = new(StringComparer.OrdinalIgnoreCase);
    private readonly Counters _total = new();
    private readonly TimeProvider _time;
    private DateTimeOffset _since;

    public SiteStats(TimeProvider time)
    {
        _time = time;
        _since = time.GetUtcNow();
    }

    /// <summary>Marks a request of this site as arrived; complete the tracker when it ends.</summary>
    public Tracker Begin(string site)
    {
        var counters = _sites.GetOrAdd(site, _ => new Counters());
        return new Tracker(counters.InFlight.Enter(), _total.InFlight.Enter(), counters, _total);
    }

    /// <summary>Requests in flight now, one measurement per site seen.</summary>
    public IEnumerable<Measurement<long>> InFlightBySite() =>
        _sites.Select(site => new Measurement<long>(site.Value.InFlight.Current, new KeyValuePair<string, object?>("site", site.Key)));

    public void Reset()
    {
        foreach (var counters in _sites.Values.Append(_total))
            counters.Reset();
        _since = _time.GetUtcNow();
    }

    public StatsSnapshot Snapshot() => new(
        _since,
        _total.Snapshot(),
        _sites.OrderBy(site => site.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(site => site.Key, site => site.Value.Snapshot()));

    public sealed class Tracker(InFlightGauge.Scope site, InFlightGauge.Scope total, Counters siteCounters, Counters totalCounters) : IDisposable
    {
        private string _outcome = "aborted";
        private double _queueMs;

        public void Queued(double milliseconds) => _queueMs = milliseconds;

        /// <summary>"served", or the fault injected: "status", "reset", "hang".</summary>
        public void Ended(string outcome) => _outcome = outcome;

        // The outcome is counted last: whoever sees a request counted as served also sees it
        // out of flight and its queue wait recorded.
        public void Dispose()
        {
            site.Dispose();
            total.Dispose();
            siteCounters.Record(_outcome, _queueMs);
            totalCounters.Record(_outcome, _queueMs);
        }
    }

    public sealed class Counters
    {
        // One counter per outcome, by its place here: counted on every request, so a plain
        // increment rather than a dictionary update that two cores contend for.
        private static readonly string[] Outcomes = ["served", "aborted", "status", "reset", "hang"];
        private readonly long[] _outcomes = new long[Outcomes.Length];
        private long _queued;
        private long _queueMicros;
        private long _maxQueueMicros;

        public InFlightGauge InFlight { get; } = new();

        internal void Record(string outcome, double queueMs)
        {
            if (queueMs > 0)
                RecordQueueWait((long)(queueMs * 1000));
            Interlocked.Increment(ref _outcomes[IndexOf(outcome)]);
        }

        private void RecordQueueWait(long micros)
        {
            Interlocked.Increment(ref _queued);
            Interlocked.Add(ref _queueMicros, micros);
            long seen;
            while (micros > (seen = Interlocked.Read(ref _maxQueueMicros))
                   && Interlocked.CompareExchange(ref _maxQueueMicros, micros, seen) != seen)
            {
            }
        }

        private static int IndexOf(string outcome) =>
            Array.IndexOf(Outcomes, outcome) is var index and >= 0
                ? index
                : throw new ArgumentOutOfRangeException(nameof(outcome), outcome, $"Not one of: {string.Join(", ", Outcomes)}.");

        internal void Reset()
        {
            for (var i = 0; i < _outcomes.Length; i++)
                Interlocked.Exchange(ref _outcomes[i], 0);
            Interlocked.Exchange(ref _queued, 0);
            Interlocked.Exchange(ref _queueMicros, 0);
            Interlocked.Exchange(ref _maxQueueMicros, 0);
            InFlight.ResetPeak();
        }

        internal SiteCounts Snapshot()
        {
            var counts = Outcomes.Select((outcome, i) => (outcome, Count: Interlocked.Read(ref _outcomes[i]))).ToList();
            return new SiteCounts(
                Served: counts[0].Count,
                Faults: counts.Skip(1).Where(o => o.Count > 0).OrderBy(o => o.outcome, StringComparer.Ordinal).ToDictionary(o => o.outcome, o => o.Count),
                InFlight: InFlight.Current,
                PeakInFlight: InFlight.Peak,
                Queued: Interlocked.Read(ref _queued),
                QueueWaitMsTotal: Interlocked.Read(ref _queueMicros) / 1000.0,
                QueueWaitMsMax: Interlocked.Read(ref _maxQueueMicros) / 1000.0);
        }
    }
}

public sealed record StatsSnapshot(DateTimeOffset Since, SiteCounts Total, IReadOnlyDictionary<string, SiteCounts> Sites);

/// <summary>Faults counts injected faults ("status", "reset", "hang") and requests the client dropped ("aborted").</summary>
public sealed record SiteCounts(
    long Served,
    IReadOnlyDictionary<string, long> Faults,
    long InFlight,
    long PeakInFlight,
    long Queued,
    double QueueWaitMsTotal,
    double QueueWaitMsMax);
