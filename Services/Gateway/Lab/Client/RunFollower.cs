using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Gateway.Lab.Client;

/// <summary>
/// Follows one run over its own session (its replica) until it ends, handing each report
/// to the page. A failed poll is retried; after several in a row it stops and says why.
/// </summary>
public static class RunFollower
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private const int MaxPollFailures = 8;

    /// <returns>Null when the run ended; the last poll's problem when the following gave up.</returns>
    public static async Task<ApiProblem?> FollowAsync(RunnerSession session, RunReport started, Action<RunReport> update, CancellationToken cancellationToken)
    {
        var failures = 0;
        var run = started;
        while (run.IsRunning())
        {
            await Task.Delay(PollInterval, cancellationToken);
            var latest = await session.GetRunAsync(run.Id, cancellationToken);
            if (latest.Value is { } report)
            {
                failures = 0;
                run = report;
                update(report);
            }
            else if (++failures >= MaxPollFailures)
            {
                return latest.Problem;
            }
        }

        return null;
    }
}
