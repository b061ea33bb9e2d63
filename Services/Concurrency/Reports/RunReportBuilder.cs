using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>Turns what a run's recorder holds into its report; safe to call while it runs.</summary>
public static class RunReportBuilder
{
    public static RunReport Build(Run run, int timelineCap, bool includeTimeline)
    {
        var recorder = run.Recorder;
        var timeline = recorder.Timeline();
        var wallMs = run.FinalWallMs ?? recorder.WallMs;
        var cpuMs = run.FinalCpuMs ?? 0;
        var concurrency = run.Strategy.Concurrency(run.Settings, run.Workload.ItemCount);
        var idealMs = run.Workload.IdealMs(concurrency);
        var startup = recorder.StartupMs;
        var pool = recorder.ThreadPool.Range;

        var report = new RunReport
        {
            Id = run.Id,
            Workload = run.Workload.Name,
            Strategy = run.Strategy.Name,
            Workers = run.Settings.Workers,
            MaxConcurrency = run.Settings.MaxConcurrency,
            // Worker processes, and workers with a client each, download one page at a time: no cap binds them.
            ServerMaxConcurrent = run.Workload.ServerMaxConcurrent,
            MaxConnections = run.Settings.ClientPerWorker || run.Strategy.UsesWorkerProcesses ? null : run.Settings.MaxConnections,
            Status = run.Status.ToString().ToLowerInvariant(),
            Progress = new RunProgress(recorder.Done, recorder.Total),
            Items = recorder.Total,
            Succeeded = recorder.Succeeded,
            Failed = recorder.Done - recorder.Succeeded,
            Errors = new SortedDictionary<string, int>(recorder.Errors.ToDictionary()),
            Retries = recorder.Retries,
            DispatchMs = recorder.DispatchMs is { } dispatch ? Math.Round(dispatch, 3) : null,
            ServerQueue = recorder.ServerQueue is { Items: > 0 } queue ? new ServerQueue(queue.Items, Math.Round(queue.Total.TotalMilliseconds, 3)) : null,
            WallMs = Math.Round(wallMs, 3),
            CpuMs = Math.Round(cpuMs, 3),
            OwnCpuMs = recorder.OwnCpu is { } own ? Math.Round(own.TotalMilliseconds, 3) : null,
            IdealMs = Math.Round(idealMs, 3),
            Efficiency = wallMs > 0 ? Math.Round(idealMs / wallMs, 4) : 0,
            PeakInFlight = recorder.InFlight.Peak,
            LatencyMs = LatencySummary.Of(timeline.Select(entry => entry.DurationMs)),
            StartupMs = startup.Count > 0 ? Math.Round(startup.Values.Max(), 3) : null,
            ThreadPoolThreads = new IntRange(pool.Min, pool.Max),
            ThreadPool = recorder.ThreadPool.Samples,
            WorkersUsed = recorder.Workers
                .Select(pair => new WorkerUsage(pair.Key.Kind, pair.Key.Id, pair.Key.Pid, pair.Value,
                    startup.TryGetValue(pair.Key.Pid, out var ms) && pair.Key.Kind == WorkerKinds.Process ? Math.Round(ms, 3) : null))
                .OrderBy(worker => worker.Id, StringComparer.Ordinal)
                .ToList(),
            TimeSplit = TimeSplit.Of(timeline),
            Timeline = includeTimeline ? timeline.Take(timelineCap).ToList() : null,
            TimelineTruncated = includeTimeline && timeline.Count > timelineCap,
            Bytes = run.Workload.CountsBytes ? recorder.Bytes : null,
            Results = run.Workload.Results(recorder.Outcomes()),
            // With other runs in the process, the run's own CPU (where known) says what it did.
            Bound = run.FinalCpuMs is null ? "unknown"
                : Bound.Classify(run.OverlappingRuns > 0 && recorder.OwnCpu is { } mine ? mine.TotalMilliseconds : cpuMs, wallMs),
            MeasuredCold = run.MeasuredCold,
            Stored = run.Stored,
            OverlappingRuns = run.OverlappingRuns,
            TraceId = run.TraceId?.ToString(),
            Tracing = new TraceSummary(TracePolicy.NameOf(run.Settings.Tracing), run.Tracing?.Traced ?? 0, run.Tracing?.Detailed ?? 0,
                recorder.Total, run.SpansDropped),
            StartedAt = run.StartedAt,
            Error = run.Error,
            Request = run.Request,
        };
        // Named once the run has ended: while it runs, its figures are partial.
        return run.FinalCpuMs is null ? report : report with { Limiter = Limiters.Of(report, run.Strategy, Environment.ProcessorCount) };
    }
}
