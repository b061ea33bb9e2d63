namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>What ran an item (WorkerIdentity.Kind), as reports spell it: the one place they are written.</summary>
public static class WorkerKinds
{
    public const string Thread = "thread";
    public const string PoolThread = "pool-thread";
    public const string Task = "task";
    public const string Process = "process";
    public const string Replica = "replica";
    public const string Silo = "silo";
}
