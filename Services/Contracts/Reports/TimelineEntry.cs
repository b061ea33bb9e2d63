namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>One item as a bar: which lane, when it started after the run began, how long.</summary>
public sealed record TimelineEntry(int Index, string Lane, double StartMs, double DurationMs, bool Ok);
