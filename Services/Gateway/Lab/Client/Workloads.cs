namespace ConcurrencyLab.Gateway.Lab.Client;

/// <summary>The two workloads' names, as the runners' routes and reports spell them.</summary>
public static class Workloads
{
    public const string Io = "io";
    public const string Cpu = "cpu";
}
