namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>
/// The worker-process protocol: one JSON object per line. The worker writes Ready once
/// it is set up, then answers each Request on stdin with one Reply on stdout, in order.
/// The parent closes stdin to ask it to exit.
/// </summary>
public sealed record WorkerReady(int Pid);

/// <param name="Payload">What the workload needs to do the item (its own format).</param>
/// <param name="TraceParent">W3C traceparent of the run's root span, so the worker's span joins the trace.</param>
public sealed record WorkerRequest(int Index, string Payload, string? TraceParent);

/// <param name="CpuMs">The worker thread's CPU time on the item; null where its thread changed mid-item or the clock is missing.</param>
/// <param name="ElapsedMs">The item's time in the worker, from request read to reply written.</param>
public sealed record WorkerReply(int Index, bool Ok, string? Error, long Bytes, string? Value, double? CpuMs = null, double? ElapsedMs = null);
