using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Gateway.Lab.Client;

// The page reads the runners' own report records (Services/Concurrency/Reports); only
// what they do not define lives here.

/// <summary>A strategy as GET /{workload}/strategies lists it, with the request fields it reads.</summary>
public sealed record StrategyView(string Name, string Description, IReadOnlyList<string>? Parameters = null)
{
    public bool Takes(string parameter) => Parameters?.Contains(parameter) == true;
}

public static class RunReportState
{
    /// <summary>Whether the run is still going (the report's status while it runs).</summary>
    public static bool IsRunning(this RunReport run) => run.Status == "running";
}
