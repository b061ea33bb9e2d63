using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Samples root spans (requests that arrive with no trace: a curl, a load test) at most
/// this many a second; spans with a parent follow their parent's decision (ParentBased).
/// A burst of 10,000 direct requests then costs 10,000 metric points, not 20,000 spans
/// exported to a dashboard on the same cores; a run's items, children of its root, are
/// traced by the run's own policy instead.
/// </summary>
public sealed class RootSpanRateLimit(double perSecond, TimeProvider? clock = null) : Sampler
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    private long _credit = -1;
    private long _last;

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters)
    {
        lock (_lock)
        {
            // A token bucket in clock ticks: a span costs 1/perSecond of a second, and up to
            // a second's worth of spans may be taken at once.
            var second = _clock.TimestampFrequency;
            var now = _clock.GetTimestamp();
            _credit = _credit < 0 ? second : Math.Min(second, _credit + (now - _last));
            _last = now;
            var cost = (long)(second / perSecond);
            if (_credit < cost)
                return new SamplingResult(SamplingDecision.Drop);
            _credit -= cost;
            return new SamplingResult(SamplingDecision.RecordAndSample);
        }
    }
}
