using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>
/// When the service stops (Ctrl+C, SIGTERM, the AppHost going down), cancels every run
/// and waits, bounded, for their threads and worker processes to be gone, so nothing of
/// a run outlives the service.
/// </summary>
public sealed class RunShutdown(RunRegistry registry, ILogger<RunShutdown> logger) : IHostedService
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(8);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var running = registry.List().Where(run => run.Status == RunStatus.Running).ToList();
        if (running.Count == 0)
            return;
        logger.LogInformation("Stopping: cancelling {Count} runs", running.Count);
        foreach (var run in running)
            run.Cancel();
        var ended = Task.WhenAll(running.Select(run => run.Finished));
        if (await Task.WhenAny(ended, Task.Delay(Grace, CancellationToken.None)) != ended)
            logger.LogWarning("Some runs had not ended {Grace} after being cancelled", Grace);
    }
}
