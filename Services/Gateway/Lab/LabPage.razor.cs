using System.Diagnostics;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Gateway.Lab.Client;

namespace ConcurrencyLab.Gateway.Lab;

/// <summary>
/// The lab page's state: the form, the run being followed (polled until it ends), and the
/// last compare and sweep. Every figure comes from the runners' own reports.
/// </summary>
public sealed partial class LabPage
{
    private readonly RunFormModel _form = new();
    private readonly Dictionary<string, IReadOnlyList<StrategyView>> _strategies = [];
    private readonly CancellationTokenSource _leaving = new();
    private ApiProblem? _problem;
    private RunReport? _run;
    private RunnerSession? _runSession;
    private SeriesInProgress? _series;
    private ComparisonReport? _comparison;
    private ComparisonReport? _sweep;

    // Set from the click until the run is no longer followed, whatever ends the following.
    private bool _followingRun;

    private bool Busy => _series is not null || _followingRun;

    protected override async Task OnInitializedAsync()
    {
        foreach (var workload in new[] { Workloads.Io, Workloads.Cpu })
        {
            var opened = Runners.Open(workload);
            if (opened.Value is not { } session)
            {
                _problem = opened.Problem;
                continue;
            }

            using (session)
            {
                var strategies = await session.StrategiesAsync(_leaving.Token);
                if (strategies.Value is not null)
                    _strategies[workload] = strategies.Value;
                else
                    _problem = strategies.Problem;
            }
        }
    }

    private IReadOnlyList<StrategyView> StrategiesFor(string workload) =>
        _strategies.TryGetValue(workload, out var strategies) ? strategies : [new StrategyView(_form.Strategy, "")];

    private void ChangeWorkload(string workload)
    {
        _form.SwitchTo(workload);
        _problem = null;
    }

    private async Task StartRunAsync()
    {
        if (Busy)
            return;
        // Busy from here: a double click or a second Enter starts nothing.
        _followingRun = true;
        try
        {
            _problem = null;
            _runSession?.Dispose();
            _runSession = null;
            var opened = Runners.Open(_form.Workload);
            if (opened.Value is not { } session)
            {
                _problem = opened.Problem;
                return;
            }

            _runSession = session;
            var started = await session.StartRunAsync(_form.RunBody(StrategiesFor(_form.Workload)), _leaving.Token);
            if (started.Value is null)
            {
                _problem = started.Problem;
                return;
            }

            _run = started.Value;
            StateHasChanged();
            _problem = await RunFollower.FollowAsync(session, started.Value, report =>
            {
                _run = report;
                StateHasChanged();
            }, _leaving.Token);
        }
        catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
        {
            // The user left the page; the run goes on in the runner.
        }
        finally
        {
            _followingRun = false;
        }
    }

    private async Task CancelRunAsync()
    {
        if (_run is not { } run || !run.IsRunning() || _runSession is null)
            return;
        try
        {
            var cancelled = await _runSession.CancelRunAsync(run.Id, _leaving.Token);
            if (cancelled.Value is not null)
                _run = cancelled.Value;
            else
                _problem = cancelled.Problem;
        }
        catch (OperationCanceledException) when (_leaving.IsCancellationRequested)
        {
            // The page closed.
        }
    }

    private async Task RunSeriesAsync(SeriesKind kind)
    {
        if (Busy)
            return;
        _problem = null;
        var opened = Runners.Open(_form.Workload);
        if (opened.Value is not { } session)
        {
            _problem = opened.Problem;
            return;
        }

        using (session)
        using (var cancel = CancellationTokenSource.CreateLinkedTokenSource(_leaving.Token))
        {
            var series = _series = new SeriesInProgress(kind, _form.Workload, Stopwatch.StartNew(), cancel);
            try
            {
                // The series' own request holds its connection until the end: its runs are
                // watched over a second session on the same runner instance (replica).
                using var watcher = await Runners.OpenBesideAsync(session, cancel.Token);
                IReadOnlySet<string> earlier = watcher is null ? new HashSet<string>() : (await watcher.ListRunsAsync(cancel.Token)).Value?.Select(run => run.Id).ToHashSet() ?? [];
                ApiResult<ComparisonReport> result;
                using (var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancel.Token))
                {
                    var watching = series.WatchAsync(watcher, earlier, () => InvokeAsync(StateHasChanged), stopWatching.Token);
                    try
                    {
                        result = kind == SeriesKind.Compare
                            ? await session.CompareAsync(_form.CompareBody(StrategiesFor(_form.Workload)), cancel.Token, _form.AgainstBaseline)
                            : await session.SweepAsync(_form.SweepBody(StrategiesFor(_form.Workload)), cancel.Token, _form.AgainstBaseline);
                    }
                    finally
                    {
                        // The watcher's session is disposed next: stop its loop first.
                        await stopWatching.CancelAsync();
                        await watching;
                    }
                }

                if (result.Value is null)
                    _problem = result.Problem;
                else if (kind == SeriesKind.Compare)
                    _comparison = result.Value;
                else
                    _sweep = result.Value;
            }
            catch (OperationCanceledException)
            {
                // Leaving the request cancels what is left of the series in the runner.
                _problem = new ApiProblem(0, $"The {kind.ToString().ToLowerInvariant()} was cancelled", []);
            }
            finally
            {
                _series = null;
            }
        }
    }

    private void CancelSeries() => _series?.Cancel.Cancel();

    public void Dispose()
    {
        // Cancelled, not disposed: a poll already queued may still read its token.
        _leaving.Cancel();
        _runSession?.Dispose();
    }
}
