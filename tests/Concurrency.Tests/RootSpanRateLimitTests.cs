using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using OpenTelemetry.Trace;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>A burst of requests with no trace gets a second's worth of root spans, then the rate.</summary>
public sealed class RootSpanRateLimitTests
{
    [Fact]
    public void ABurstIsSampledUpToOneSecondsWorthThenAtTheRate()
    {
        var clock = new FakeTimeProvider();
        var sampler = new RootSpanRateLimit(perSecond: 10, clock);

        var burst = Enumerable.Range(0, 1_000).Count(_ => Sampled(sampler));
        clock.Advance(TimeSpan.FromMilliseconds(500));
        var halfASecondLater = Enumerable.Range(0, 1_000).Count(_ => Sampled(sampler));
        clock.Advance(TimeSpan.FromSeconds(60));
        var afterAMinute = Enumerable.Range(0, 1_000).Count(_ => Sampled(sampler));

        Assert.Equal((10, 5, 10), (burst, halfASecondLater, afterAMinute));
    }

    private static bool Sampled(Sampler sampler) =>
        sampler.ShouldSample(new SamplingParameters(default, ActivityTraceId.CreateRandom(), "GET /sites/{name}", ActivityKind.Server)).Decision
            == SamplingDecision.RecordAndSample;
}
