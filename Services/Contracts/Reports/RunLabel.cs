using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>How a run is named in verdicts, tables and charts: its strategy and how many it overlapped at most.</summary>
public static class RunLabel
{
    /// <summary>"sequential"; "async" for the CPU event loop (one thread); else "threads (10)", "async (160)".</summary>
    public static string Of(string strategy, int workers, int? maxConcurrency, string workload) => strategy switch
    {
        StrategyNames.Sequential => StrategyNames.Sequential,
        StrategyNames.Async when workload == "cpu" => StrategyNames.Async,
        _ => $"{strategy} ({maxConcurrency ?? workers})",
    };

    public static string Of(RunReport run) => Of(run.Strategy, run.Workers, run.MaxConcurrency, run.Workload);
}
