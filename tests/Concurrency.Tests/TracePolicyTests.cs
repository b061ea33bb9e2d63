using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>What a run traces under each policy: the spans recorded, counted, against the report.</summary>
public sealed class TracePolicyTests
{
    [Fact]
    public async Task ASampledRunOfTenThousandItemsRecordsItsRootAndStaysWithinTheBudget()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(10_000) { CallSource = engine.CallSource };

        var report = await engine.RunAsync(work, new AsyncStrategy(), new StrategySettings(10_000, Tracing: TraceMode.Sampled));

        var trace = engine.Spans.Where(span => span.TraceId.ToString() == report.TraceId).ToList();
        var root = Assert.Single(trace, span => span.OperationName == "fake.run");
        var items = trace.Where(span => span.OperationName == "fake.item").ToList();
        var calls = trace.Where(span => span.OperationName == "fake.call").ToList();
        Assert.Equal(10_000, report.Succeeded);
        Assert.Equal("sampled", report.Tracing!.Policy);
        Assert.Equal(items.Count, report.Tracing.ItemsTraced);
        Assert.Equal(TracePolicy.DetailedItems, report.Tracing.ItemsDetailed);
        Assert.InRange(items.Count, TracePolicy.DetailedItems + TracePolicy.SampledItems, TracePolicy.DetailedItems + TracePolicy.SampledItems + TracePolicy.LanesShown);
        // Calls out are recorded for the detailed items only, each under its item.
        Assert.Equal(TracePolicy.DetailedItems, calls.Count);
        var itemIds = items.Select(span => span.SpanId).ToHashSet();
        Assert.All(calls, call => Assert.Contains(call.ParentSpanId, itemIds));
        Assert.All(items, item => Assert.Equal(root.SpanId, item.ParentSpanId));
    }

    [Fact]
    public async Task OffRecordsTheRootSpanOnlyAndTheReportSaysSo()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(50) { CallSource = engine.CallSource };

        var report = await engine.RunAsync(work, new ThreadsStrategy("test"), new StrategySettings(4, Tracing: TraceMode.Off));

        var trace = engine.Spans.Where(span => span.TraceId.ToString() == report.TraceId).ToList();
        Assert.Equal("fake.run", Assert.Single(trace).OperationName);
        Assert.Equal(50, report.Succeeded);
        Assert.Equal(0, report.Tracing!.ItemsTraced);
        Assert.Contains("root span only", report.Tracing.Describe());
    }

    [Fact]
    public async Task ItemsRecordsEveryItemSpanButNoCallUnderIt()
    {
        using var engine = new EngineHarness();
        var work = new FakeWorkload(30) { CallSource = engine.CallSource };

        var report = await engine.RunAsync(work, new SequentialStrategy(), new StrategySettings(1, Tracing: TraceMode.Items));

        var trace = engine.Spans.Where(span => span.TraceId.ToString() == report.TraceId).ToList();
        Assert.Equal(30, trace.Count(span => span.OperationName == "fake.item"));
        Assert.DoesNotContain(trace, span => span.OperationName == "fake.call");
        Assert.Equal(new TraceSummary("items", 30, 0, 30, null), report.Tracing);
    }

    [Fact]
    public void SampledTracesTheFirstItemOfEveryLaneAndDecidesTheSameWayEachTime()
    {
        var first = new ItemTracing(TraceMode.Sampled, 100_000);
        var second = new ItemTracing(TraceMode.Sampled, 100_000);
        // 50 lanes that start only after the detailed items: each must still show.
        var decisions = Enumerable.Range(0, 100_000).Select(index => first.Decide(index, index < 2_000 ? "early" : $"lane {index % 50}")).ToList();
        var again = Enumerable.Range(0, 100_000).Select(index => second.Decide(index, index < 2_000 ? "early" : $"lane {index % 50}")).ToList();

        Assert.Equal(decisions, again);
        Assert.Equal(TracePolicy.DetailedItems, decisions.Count(trace => trace == ItemTrace.Detail));
        Assert.All(Enumerable.Range(2_000, 50), index => Assert.Equal(ItemTrace.Span, decisions[index]));
        Assert.Equal(first.Traced, decisions.Count(trace => trace != ItemTrace.None));
        // The detailed items, the even sample, and the first item of each of the 51 lanes at most.
        Assert.InRange(first.Traced, TracePolicy.DetailedItems + TracePolicy.SampledItems, TracePolicy.DetailedItems + TracePolicy.SampledItems + 51);
    }

    [Theory]
    [InlineData(null, 100_000, TraceMode.Sampled)]
    [InlineData("FULL", 2_000, TraceMode.Full)]
    [InlineData(" items ", 10_000, TraceMode.Items)]
    [InlineData("off", 100_000, TraceMode.Off)]
    public void PolicyNamesParseWithinTheirLimits(string? name, int items, TraceMode expected)
    {
        Assert.Equal(expected, TracePolicy.Parse(name, items, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("full", 2_001, "2,000")]
    [InlineData("items", 10_001, "10,000")]
    [InlineData("everything", 10, "sampled, full, items, off")]
    public void APolicyBeyondItsLimitNamesTheLimit(string name, int items, string limit)
    {
        Assert.Null(TracePolicy.Parse(name, items, out var error));
        Assert.Contains(limit, error);
    }
}
