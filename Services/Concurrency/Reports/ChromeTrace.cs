using System.Text.Json.Serialization;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// A run or a compare in the Chrome trace-event format, which ui.perfetto.dev and
/// chrome://tracing open. One process track per run (per strategy in a compare), each at
/// its own t=0 so that strategies sit one above the other; one thread track per lane; one
/// complete slice per item with its on-CPU and waiting parts as nested slices (their
/// shares, not their order: the CPU time is not one stretch); counters for items in flight,
/// the thread pool's threads, and the cores the run kept busy on average.
/// </summary>
public static class ChromeTrace
{
    public static TraceDocument Of(IReadOnlyList<(string Label, RunReport Run)> runs)
    {
        var events = new List<TraceEvent>();
        for (var index = 0; index < runs.Count; index++)
            AddRun(events, pid: index + 1, runs[index].Label, runs[index].Run);
        return new TraceDocument(events);
    }

    private static void AddRun(List<TraceEvent> events, int pid, string label, RunReport run)
    {
        events.Add(Metadata("process_name", pid, null, label));
        events.Add(Metadata("process_sort_index", pid, null, pid));
        var timeline = run.Timeline ?? [];
        var lanes = timeline.Select(entry => entry.Lane).Distinct().Order(StringComparer.Ordinal).ToList();
        var tids = lanes.Select((lane, index) => (lane, tid: index + 1)).ToDictionary(pair => pair.lane, pair => pair.tid);
        foreach (var (lane, tid) in tids)
            events.Add(Metadata("thread_name", pid, tid, lane));

        foreach (var entry in timeline)
        {
            var tid = tids[entry.Lane];
            events.Add(new TraceEvent($"item {entry.Index}", "X", pid, tid, Micros(entry.StartMs), Micros(entry.DurationMs), "item",
                new Dictionary<string, object?>
                {
                    ["index"] = entry.Index,
                    ["ok"] = entry.Ok,
                    ["queuedMs"] = Math.Round(entry.QueuedMs, 3),
                    ["onCpuMs"] = entry.OnCpuMs is { } cpu ? Math.Round(cpu, 3) : "not attributable",
                    ["waitingMs"] = entry.WaitingMs is { } waiting ? Math.Round(waiting, 3) : null,
                }));
            if (entry.OnCpuMs is { } onCpu && entry.WaitingMs is { } wait)
            {
                var cpuPart = Math.Clamp(onCpu, 0, entry.DurationMs);
                events.Add(new TraceEvent("on-CPU", "X", pid, tid, Micros(entry.StartMs), Micros(cpuPart), "part", null));
                events.Add(new TraceEvent("waiting", "X", pid, tid, Micros(entry.StartMs + cpuPart), Micros(Math.Max(0, wait)), "part", null));
            }
        }

        AddInFlight(events, pid, timeline);
        foreach (var sample in run.ThreadPool ?? [])
            events.Add(Counter("pool threads", pid, sample.AtMs, sample.Threads));
        var busyCores = run.WallMs > 0 ? Math.Round((run.OwnCpuMs ?? run.CpuMs) / run.WallMs, 3) : 0;
        events.Add(Counter("cores busy (run average)", pid, 0, busyCores));
        events.Add(Counter("cores busy (run average)", pid, run.WallMs, busyCores));
    }

    // Every start and end, in time order (an end before a start at the same instant): the count never goes below zero.
    private static void AddInFlight(List<TraceEvent> events, int pid, IReadOnlyList<TimelineEntry> timeline)
    {
        var steps = timeline.SelectMany(entry => new[] { (At: entry.StartMs, Step: 1), (At: entry.StartMs + entry.DurationMs, Step: -1) })
            .OrderBy(step => step.At).ThenBy(step => step.Step);
        var inFlight = 0;
        events.Add(Counter("items in flight", pid, 0, 0));
        foreach (var (at, step) in steps)
        {
            inFlight += step;
            events.Add(Counter("items in flight", pid, at, inFlight));
        }
    }

    private static TraceEvent Metadata(string name, int pid, int? tid, object value) =>
        new(name, "M", pid, tid, null, null, null, new Dictionary<string, object?> { [name == "process_sort_index" ? "sort_index" : "name"] = value });

    private static TraceEvent Counter(string name, int pid, double atMs, double value) =>
        new(name, "C", pid, null, Micros(atMs), null, null, new Dictionary<string, object?> { ["value"] = value });

    private static double Micros(double ms) => Math.Round(ms * 1000, 1);
}

/// <summary>The trace-event JSON object form.</summary>
public sealed record TraceDocument(IReadOnlyList<TraceEvent> TraceEvents)
{
    public string DisplayTimeUnit => "ms";
}

/// <summary>One trace event: M metadata, X complete slice (ts and dur in µs), C counter.</summary>
public sealed record TraceEvent(
    string Name,
    string Ph,
    int Pid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Tid,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Ts,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Dur,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Cat,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Args);
