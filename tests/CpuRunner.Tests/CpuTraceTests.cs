using System.Diagnostics;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class CpuTraceTests
{
    [Fact]
    public async Task ReplicaServerSpansJoinTheRunsTraceUnderTheirItems()
    {
        var spans = new SpanCollector();
        await using var lab = await CpuLab.StartAsync(spans: spans);

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "replicas", workers = 2, count = 3 });
        var traceId = report.GetProperty("traceId").GetString();
        await Eventually.HoldsAsync(() => spans.Trace(traceId).Count(span => span.DisplayName == "POST /cpu/work") == 3, CpuLab.Cancel);

        var trace = spans.Trace(traceId);
        var root = Assert.Single(trace, span => span.OperationName == "cpu.run");
        var items = trace.Where(span => span.OperationName == "cpu.sum_squares").ToList();
        Assert.Equal(3, items.Count);
        Assert.All(items, item => Assert.Equal(root.SpanId, item.ParentSpanId));
        Assert.All(items, item => Assert.NotNull(item.GetTagItem("service.instance.id")));
        // Each replica's server span hangs under the HttpClient span of the item that sent it.
        var servers = trace.Where(span => span.DisplayName == "POST /cpu/work").ToList();
        Assert.All(servers, server =>
        {
            var client = Assert.Single(trace, span => span.SpanId == server.ParentSpanId);
            Assert.Equal(ActivityKind.Client, client.Kind);
            Assert.Contains(items, item => item.SpanId == client.ParentSpanId);
        });
    }

    [Fact]
    public async Task GilItemSpansCarryTheirLockWait()
    {
        var spans = new SpanCollector();
        await using var lab = await CpuLab.StartAsync(spans: spans);

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "gil", workers = 2, count = 4 });
        var traceId = report.GetProperty("traceId").GetString();
        await Eventually.HoldsAsync(() => spans.Trace(traceId).Count(span => span.OperationName == "cpu.sum_squares") == 4, CpuLab.Cancel);

        Assert.All(spans.Trace(traceId).Where(span => span.OperationName == "cpu.sum_squares"), item =>
        {
            Assert.IsType<double>(item.GetTagItem("lab.lock_wait_ms"));
            Assert.NotNull(item.GetTagItem("thread.id"));
        });
    }

    [Fact]
    public async Task WorkerProcessItemsAreSpansInTheRunsTraceTaggedWithTheWorkersPid()
    {
        var spans = new SpanCollector();
        await using var lab = await CpuLab.StartAsync(spans: spans);

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "processes", workers = 2, count = 4 });
        var traceId = report.GetProperty("traceId").GetString();
        await Eventually.HoldsAsync(() => spans.Trace(traceId).Count(span => span.OperationName == "cpu.sum_squares") == 4, CpuLab.Cancel);

        var trace = spans.Trace(traceId);
        var root = Assert.Single(trace, span => span.OperationName == "cpu.run");
        var workerPids = report.GetProperty("workersUsed").EnumerateArray().Select(worker => worker.GetProperty("pid").GetInt32()).ToHashSet();
        var items = trace.Where(span => span.OperationName == "cpu.sum_squares").ToList();
        Assert.All(items, item =>
        {
            Assert.Equal(root.SpanId, item.ParentSpanId);
            Assert.Contains((int)item.GetTagItem("process.pid")!, workerPids);
            Assert.NotEqual(Environment.ProcessId, (int)item.GetTagItem("process.pid")!);
            Assert.Null(item.GetTagItem("thread.id"));
        });
        Assert.Equal(4, items.Select(item => item.GetTagItem("lab.item.index")).Distinct().Count());
    }
}
