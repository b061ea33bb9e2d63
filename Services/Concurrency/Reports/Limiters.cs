using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// Names the cap that bounded a run's overlap, citing its figures. The strategy is asked
/// first (the pool, the lock, the event loop are its own); then the general caps, in the
/// order they bite: worker start-up, the cores, the workers asked.
/// </summary>
public static class Limiters
{
    // Start-up that took more than this share of the wall time bounded the run.
    private const double StartupShare = 0.1;

    // Server queueing over this share of the items' time bounded the run.
    private const double ServerQueueShare = 0.1;

    // A run that kept this share of every core busy was held by the cores.
    private const double CoresBusy = 0.8;

    public static Limiter? Of(RunReport run, IStrategy? strategy, int cores)
    {
        if (run.Progress.Done == 0 || run.WallMs <= 0)
            return null;
        if (run.StartupMs is { } startup && startup > StartupShare * run.WallMs)
            return new(LimiterNames.Startup, Invariant($"{(strategy?.WorkerKind == WorkerKinds.Replica ? "connecting to the replicas" : "starting its worker processes")} took {startup:0} ms, {startup / run.WallMs:0%} of the run's {run.WallMs:0} ms."));
        var itemMs = run.TimeSplit is { } split ? split.OnCpuMs + split.WaitingMs + split.UnattributedMs : 0;
        if (run.ServerQueue is { } queue && itemMs > 0 && queue.TotalMs > ServerQueueShare * itemMs)
            return new(LimiterNames.ServerQueue, Invariant($"{queue.Items} of {run.Items} requests waited in the server's queue (its MaxConcurrent), {queue.TotalMs:N0} ms in all, {queue.TotalMs / itemMs:0%} of the items' time (Server-Timing queue)."));
        if (run.MaxConnections is { } connections && run.PeakInFlight > connections)
            return new(LimiterNames.Connections, Invariant($"{run.PeakInFlight} items were in flight on {connections} connections (maxConnections): at most {connections} downloads on the wire at once, about {Math.Ceiling(run.Items / (double)connections):0} in turn on each."));
        if (strategy?.Limit(run, cores) is { } own)
            return own;

        var busyCores = (run.OwnCpuMs ?? run.CpuMs) / run.WallMs;
        if (run.PeakInFlight > cores && busyCores >= CoresBusy * cores)
            return new(LimiterNames.Cores, Invariant($"{run.PeakInFlight} items were runnable at once on {cores} cores, and {busyCores:0.00} cores were busy (cpu {run.OwnCpuMs ?? run.CpuMs:0} ms over {run.WallMs:0} ms)."));
        var wanted = Math.Min(run.MaxConcurrency ?? run.Workers, run.Items);
        if (run.Items > wanted && run.PeakInFlight >= wanted)
            return new(LimiterNames.Workers, Invariant($"{wanted} worker{(wanted == 1 ? "" : "s")} asked for {run.Items} items: at most {run.PeakInFlight} ran at once, about {Math.Ceiling(run.Items / (double)wanted):0} items in turn on each."));
        if (run.PeakInFlight >= run.Items)
            return new(LimiterNames.None, Invariant($"all {run.Items} items ran at once: nothing capped the overlap."));
        return null;
    }

    /// <summary>A compare's or sweep's sentence: what capped each run.</summary>
    public static string? Sentence(IReadOnlyList<RunReport> runs)
    {
        var named = runs.Where(run => run.Limiter is not null).ToList();
        return named.Count == 0
            ? null
            : "What capped each run's overlap: " + string.Join("; ", named.Select(run => $"{RunLabel.Of(run)}, {run.Limiter!.Name} ({run.Limiter.Because.TrimEnd('.')})")) + ".";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
