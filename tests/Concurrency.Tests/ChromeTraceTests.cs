using System.Text.Json;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class ChromeTraceTests
{
    [Fact]
    public void EachRunIsAProcessEachLaneAThreadEachItemASliceAndNoCounterGoesNegative()
    {
        var threads = Run("threads", 2, [Entry(0, "worker-1", 0, 100, 2), Entry(1, "worker-2", 0, 120, 3), Entry(2, "worker-1", 100, 90, 1)]);
        var async = Run("async", 3, [Entry(0, "item-0", 0, 100, null), Entry(1, "item-1", 0, 100, null), Entry(2, "item-2", 0, 101, null)]);

        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(ChromeTrace.Of([("threads (2)", threads), ("async", async)]), new JsonSerializerOptions(JsonSerializerDefaults.Web)));

        var events = json.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        Assert.Equal("ms", json.RootElement.GetProperty("displayTimeUnit").GetString());
        Assert.Equal(["threads (2)", "async"], events.Where(e => Name(e) == "process_name").Select(e => e.GetProperty("args").GetProperty("name").GetString()));
        // Lanes are tracks: two for threads, three for async.
        Assert.Equal(2, events.Count(e => Name(e) == "thread_name" && e.GetProperty("pid").GetInt32() == 1));
        Assert.Equal(3, events.Count(e => Name(e) == "thread_name" && e.GetProperty("pid").GetInt32() == 2));
        var items = events.Where(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "item").ToList();
        Assert.Equal(3, items.Count(e => e.GetProperty("pid").GetInt32() == 1));
        Assert.Equal(3, items.Count(e => e.GetProperty("pid").GetInt32() == 2));
        Assert.All(items, item =>
        {
            foreach (var field in new[] { "name", "ts", "dur", "pid", "tid" })
                Assert.True(item.TryGetProperty(field, out _), $"a slice without {field}");
        });
        Assert.Equal(100_000, items.First(e => Name(e) == "item 2" && e.GetProperty("pid").GetInt32() == 1).GetProperty("ts").GetDouble());
        // Parts nest inside threads' items (on-CPU then waiting); async items have none.
        Assert.Equal(6, events.Count(e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("cat").GetString() == "part"));
        Assert.Equal("not attributable", items.First(e => e.GetProperty("pid").GetInt32() == 2).GetProperty("args").GetProperty("onCpuMs").GetString());
        var counters = events.Where(e => e.GetProperty("ph").GetString() == "C").ToList();
        Assert.All(counters, counter => Assert.True(counter.GetProperty("args").GetProperty("value").GetDouble() >= 0));
        Assert.Equal(3, counters.Where(e => Name(e) == "items in flight" && e.GetProperty("pid").GetInt32() == 2).Max(e => e.GetProperty("args").GetProperty("value").GetDouble()));
        Assert.Equal(0, counters.Last(e => Name(e) == "items in flight" && e.GetProperty("pid").GetInt32() == 1).GetProperty("args").GetProperty("value").GetDouble());
    }

    private static string? Name(JsonElement e) => e.GetProperty("name").GetString();

    private static TimelineEntry Entry(int index, string lane, double start, double duration, double? onCpu) => new(index, lane, start, duration, Ok: true, onCpu);

    private static RunReport Run(string strategy, int workers, IReadOnlyList<TimelineEntry> timeline) =>
        TestReports.Completed(strategy, workers, timeline.Count, timeline.Max(entry => entry.StartMs + entry.DurationMs), 10, workers) with { Timeline = timeline };
}
