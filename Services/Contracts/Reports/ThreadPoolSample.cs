namespace ConcurrencyLab.Concurrency.Engine;

public sealed record ThreadPoolSample(double AtMs, int Threads, long Queued);
