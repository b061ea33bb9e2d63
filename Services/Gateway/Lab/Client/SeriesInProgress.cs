using System.Diagnostics;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Gateway.Lab.Client;

public enum SeriesKind { Compare, Sweep }

/// <summary>A compare or sweep the page is waiting for: its clock, its cancel, and its runs so far.</summary>
public sealed record SeriesInProgress(SeriesKind Kind, string Workload, Stopwatch Clock, CancellationTokenSource Cancel)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public TimeSpan Elapsed => Clock.Elapsed;

    /// <summary>The series' runs so far, as the runner lists them (oldest first).</summary>
    public IReadOnlyList<RunReport> Runs { get; private set; } = [];

    /// <summary>
    /// While the series runs (its request answers at the end): lists the runs that are new
    /// since it began, and redraws. Another user's runs on the same runner show here too.
    /// </summary>
    public async Task WatchAsync(RunnerSession? watcher, IReadOnlySet<string> earlier, Func<Task> redraw, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (watcher is not null && (await watcher.ListRunsAsync(stop)).Value is { } runs)
                    Runs = [.. runs.Where(run => !earlier.Contains(run.Id)).OrderBy(run => run.StartedAt)];
                await redraw();
            }
        }
        catch (OperationCanceledException)
        {
            // The series ended, or the page closed.
        }
    }
}
