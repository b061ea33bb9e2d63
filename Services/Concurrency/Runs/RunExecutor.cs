using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Workers;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// Drives one run from start to end: the root span, the thread-pool sampler, the CPU
/// account, the strategy, and the run's final status. Never throws: a run that fails
/// ends as "failed" with the reason.
/// </summary>
public sealed class RunExecutor(LabMetrics metrics, ISpanExportCounts? spans = null)
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Starts the root span now (in the caller's trace), then runs in the background.
    /// </summary>
    public Task StartAsync(Run run, ActivitySource source, string rootSpanName, IWorkerLauncher? launcher, string? instanceId)
    {
        var previous = Activity.Current;
        var root = source.StartActivity(rootSpanName, ActivityKind.Internal);
        Activity.Current = previous;
        if (root is not null)
        {
            root.SetTag(LabTelemetry.RunIdTag, run.Id);
            root.SetTag("lab.strategy", run.Strategy.Name);
            root.SetTag("lab.workers", run.Settings.Workers);
            root.SetTag("lab.items", run.Workload.ItemCount);
            run.TraceId = root.TraceId;
        }

        var tracing = new ItemTracing(run.Settings.Tracing, run.Workload.ItemCount);
        var items = new ItemRunner(run.Workload, run.Recorder, metrics, source, root?.Context ?? default, run.Strategy.Name, instanceId, tracing);
        run.Tracing = tracing;
        var context = new RunContext(run.Workload, run.Settings, items, run.Recorder, launcher);
        return Task.Run(() => ExecuteAsync(run, context, root));
    }

    private async Task ExecuteAsync(Run run, RunContext context, Activity? root)
    {
        // The export queue drops a span the moment it ends, so the count is complete once the root has ended.
        var droppedBefore = spans?.Dropped ?? 0;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        using var stopSampling = new CancellationTokenSource();
        var sampler = run.Recorder.ThreadPool.StartSampling(() => run.Recorder.ElapsedMs, SampleEvery, stopSampling.Token);
        var status = RunStatus.Completed;
        string? error = null;
        try
        {
            await run.Strategy.RunAsync(context, run.Cancellation);
            if (run.Cancellation.IsCancellationRequested)
                status = RunStatus.Cancelled;
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            status = RunStatus.Cancelled;
        }
        catch (Exception failure)
        {
            status = RunStatus.Failed;
            error = $"{failure.GetType().Name}: {failure.Message}";
        }

        var wallMs = run.Recorder.WallMs;
        await stopSampling.CancelAsync();
        sampler.Join();
        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore + run.Recorder.ChildCpu).TotalMilliseconds;
        metrics.RunDuration.Record(wallMs / 1000, new KeyValuePair<string, object?>("lab.workload", run.Workload.Name),
            new KeyValuePair<string, object?>("lab.strategy", run.Strategy.Name), new KeyValuePair<string, object?>("lab.status", status.ToString().ToLowerInvariant()));
        if (root is not null)
        {
            root.SetTag("lab.status", status.ToString().ToLowerInvariant());
            if (status != RunStatus.Completed)
                root.SetStatus(ActivityStatusCode.Error, error ?? status.ToString());
            root.Stop();
        }

        if (spans is { Exporting: true })
            run.SpansDropped = spans.Dropped - droppedBefore;

        run.End(status, wallMs, cpuMs, error);
    }
}
