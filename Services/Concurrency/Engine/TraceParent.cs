using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>W3C traceparent text for a span context: how a worker process joins a trace over its pipe.</summary>
public static class TraceParent
{
    public static string? Of(ActivityContext context) =>
        context == default ? null : $"00-{context.TraceId}-{context.SpanId}-{(context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00")}";
}
