using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>The request fields every runner shares about how its runs are measured: `tracing` and `rounds`.</summary>
public static class MeasurementFields
{
    /// <param name="fail">Records a problem with a field (the field's name, then the message).</param>
    public static (TraceMode Tracing, int Rounds) Parse(string? tracing, int? rounds, int items, RequestKind kind, Action<string, string> fail)
    {
        var mode = TracePolicy.Parse(tracing, items, out var tracingError);
        if (tracingError is not null)
            fail("tracing", tracingError);
        var count = SeriesRounds.Parse(rounds, kind, out var roundsError);
        if (roundsError is not null)
            fail("rounds", roundsError);
        return (mode ?? TraceMode.Sampled, count);
    }
}
