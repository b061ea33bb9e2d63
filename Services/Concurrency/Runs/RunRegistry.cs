using System.Collections.Concurrent;
using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Concurrency.Workers;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// A runner's runs: admits them (or not), starts them, finds them by id, cancels them,
/// keeps a bounded history of finished ones, and hands each finished run to the run store
/// (where there is one), which keeps it across restarts.
/// </summary>
public sealed class RunRegistry(RunExecutor executor, IOptions<EngineOptions> options, RunnerTelemetry telemetry, IRunStore? store = null)
{
    private readonly ConcurrentDictionary<string, Run> _runs = new();
    private readonly ConcurrentDictionary<string, Run> _running = new();
    private readonly ConcurrentDictionary<string, byte> _strategiesRun = new();
    private readonly RecentCosts _costs = new();

    public EngineOptions Options => options.Value;

    public RunAdmission Admission { get; } = new(options.Value.MaxConcurrentRuns);

    /// <summary>Starts a run in the given place; the place is released when the run ends.</summary>
    public Run Start(
        RunAdmission.Place? place,
        IWorkload workload,
        IStrategy strategy,
        StrategySettings settings,
        object? request,
        IWorkerLauncher? launcher = null)
    {
        var run = new Run(Guid.NewGuid().ToString("N")[..12], workload, strategy, settings, request)
        {
            // The first run of a strategy in this process pays for JIT compilation and first connections.
            MeasuredCold = _strategiesRun.TryAdd(strategy.Name, 0),
        };
        _runs[run.Id] = run;
        Forget();
        // Runs in the same process share its CPU account: each notes the others it overlapped.
        foreach (var other in _running.Values.Where(other => other.Status == RunStatus.Running))
        {
            other.NoteOverlap(run.Id);
            run.NoteOverlap(other.Id);
        }

        _running[run.Id] = run;
        var running = executor.StartAsync(run, telemetry.Source, telemetry.RootSpanName, launcher, telemetry.InstanceId);
        _ = running.ContinueWith(async _ =>
        {
            _running.TryRemove(run.Id, out Run? _);
            place?.Dispose();
            RememberCosts(run);
            await SaveAsync(run);
        }, TaskScheduler.Default);
        return run;
    }

    /// <summary>The store finished runs go to; null: memory only.</summary>
    public IRunStore? Store => store;

    /// <summary>Drops a finished run from the history and the store (the runner's own warm-up and probe runs).</summary>
    public async Task ForgetAsync(Run run)
    {
        await run.Saved;
        _runs.TryRemove(run.Id, out _);
        if (store is not null && run.Stored == true)
            await store.DeleteAsync(run.Id, CancellationToken.None);
    }

    // The finished run's report, timeline included, goes to the store; a run the store could
    // not take says so in its report (stored: false) and stays in memory.
    private async Task SaveAsync(Run run)
    {
        if (store is null)
        {
            run.MarkSaved(null);
            return;
        }

        try
        {
            await store.SaveAsync(StoredReports.Entry(Report(run, includeTimeline: true)), CancellationToken.None);
            run.MarkSaved(true);
        }
        catch (RunStoreUnavailableException error)
        {
            run.MarkSaved(false, error.Message);
        }
    }

    public Run? Find(string id) => _runs.GetValueOrDefault(id);

    /// <summary>Newest first: every run still running, and at most History finished ones.</summary>
    public IReadOnlyList<Run> List()
    {
        Forget();
        return _runs.Values.OrderByDescending(run => run.StartedAt).ToList();
    }

    // Drops the oldest finished runs beyond the history bound, however long an older run
    // still runs: running ones always stay, and never hold the others back.
    private void Forget()
    {
        var finished = _runs.Values.Where(run => run.Status != RunStatus.Running).OrderBy(run => run.StartedAt).ToList();
        foreach (var run in finished.Take(finished.Count - Options.History))
            _runs.TryRemove(run.Id, out _);
    }

    public RunReport Report(Run run, bool includeTimeline = true) => RunReportBuilder.Build(run, Options.TimelineCap, includeTimeline);

    // What every finished warm run measured of its workers, kept for the next compare's
    // predictions (the warm-up's second pass measures them before any user's run).
    private void RememberCosts(Run run)
    {
        if (run.MeasuredCold)
            return;
        var startup = run.Recorder.StartupMs is { Count: > 0 } started ? started.Values.Max() : (double?)null;
        _costs.Add(run.Strategy.Name, startup, run.Recorder.DispatchMs);
    }

    /// <summary>Each strategy's start-up per run and dispatch per item, the medians of its last few warm runs here (the warm-up's at first).</summary>
    public WorkerCosts Costs => _costs.Medians();
}
