using System.Collections.Concurrent;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Strategies;

/// <summary>
/// Runs a body on N new OS threads (not pool threads) and completes when all have
/// ended, so no thread outlives the run. Any exception is rethrown from the task.
/// </summary>
public static class DedicatedThreads
{
    /// <param name="recorder">Where each thread adds its own CPU time when it ends (the run's own CPU).</param>
    public static Task RunAsync(int count, string namePrefix, Action<int> body, RunRecorder? recorder = null)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var remaining = count;
        var errors = new ConcurrentQueue<Exception>();
        for (var i = 0; i < count; i++)
        {
            var number = i;
            var thread = new Thread(() =>
            {
                var cpuBefore = ThreadCpuTime.Now();
                try
                {
                    body(number);
                }
                catch (Exception error)
                {
                    errors.Enqueue(error);
                }
                finally
                {
                    if (recorder is not null && ThreadCpuTime.Now() - cpuBefore is { } cpu)
                        recorder.AddOwnCpu(cpu);
                    if (Interlocked.Decrement(ref remaining) == 0)
                        Complete(done, errors);
                }
            })
            {
                IsBackground = true,
                Name = $"{namePrefix}-{number + 1}",
            };
            thread.Start();
        }

        if (count == 0)
            done.SetResult();
        return done.Task;
    }

    private static void Complete(TaskCompletionSource done, ConcurrentQueue<Exception> errors)
    {
        if (errors.IsEmpty)
            done.SetResult();
        else if (errors.All(error => error is OperationCanceledException))
            done.SetCanceled();
        else
            done.SetException(errors.Where(error => error is not OperationCanceledException));
    }
}
