using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Workers;

/// <summary>
/// The worker process's side: announce Ready, then do one item per request line until
/// stdin closes. Each item is a span joined to the run's trace through its traceparent,
/// when the worker traces at all (a listener on the source; CPU workers have none).
/// </summary>
public static class WorkerLoop
{
    public static async Task<int> RunAsync(
        ActivitySource source,
        string itemSpanName,
        Func<string, CancellationToken, Task<ItemOutcome>> doItem,
        TextReader input,
        TextWriter output)
    {
        OrphanWatch.Start();
        await output.WriteLineAsync(WorkerJson.Write(new WorkerReady(Environment.ProcessId)));
        await output.FlushAsync();
        while (await input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
                continue;
            var request = WorkerJson.ReadRequest(line);
            // The item's on-CPU time, when one thread did all of it (an await may move it).
            var thread = Environment.CurrentManagedThreadId;
            var started = Stopwatch.GetTimestamp();
            var cpuBefore = ThreadCpuTime.Now();
            var outcome = await DoOneAsync(source, itemSpanName, doItem, request);
            var cpu = thread == Environment.CurrentManagedThreadId ? ThreadCpuTime.Now() - cpuBefore : null;
            await output.WriteLineAsync(WorkerJson.Write(new WorkerReply(request.Index, outcome.Ok, outcome.Error, outcome.Bytes, outcome.Value,
                cpu?.TotalMilliseconds, Stopwatch.GetElapsedTime(started).TotalMilliseconds)));
            await output.FlushAsync();
        }

        return 0;
    }

    private static async Task<ItemOutcome> DoOneAsync(
        ActivitySource source, string itemSpanName, Func<string, CancellationToken, Task<ItemOutcome>> doItem, WorkerRequest request)
    {
        ActivityContext.TryParse(request.TraceParent, null, out var parent);
        using var activity = source.StartActivity(itemSpanName, ActivityKind.Internal, parent);
        activity?.SetTag("lab.strategy", StrategyNames.Processes);
        activity?.SetTag("lab.item.index", request.Index);
        activity?.SetTag("process.pid", Environment.ProcessId);
        activity?.SetTag("thread.id", Environment.CurrentManagedThreadId);
        try
        {
            var outcome = await doItem(request.Payload, CancellationToken.None);
            if (!outcome.Ok)
                activity?.SetStatus(ActivityStatusCode.Error, outcome.Error);
            return outcome;
        }
        catch (Exception error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            return ItemOutcome.Failure(error.GetType().Name);
        }
    }
}
