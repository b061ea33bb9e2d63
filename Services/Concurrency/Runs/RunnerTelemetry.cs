using System.Diagnostics;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// How one runner's runs appear in traces, bound once per runner: the ActivitySource its
/// spans come from, the root span's name ("io.run"), and its instance (replicas differ).
/// </summary>
public sealed record RunnerTelemetry(ActivitySource Source, string RootSpanName, string? InstanceId);
