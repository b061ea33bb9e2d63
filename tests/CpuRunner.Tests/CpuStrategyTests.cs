using System.Net;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.CpuRunner.Tests;

public sealed class CpuStrategyTests
{
    public static TheoryData<string> Strategies => new("sequential", "threads", "async", "gil", "processes", "replicas");

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task EveryStrategyReturnsTheSameVerifiedSums(string strategy)
    {
        await using var lab = await CpuLab.StartAsync();

        var (response, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy, workers = 2, start = 5_000_000, count = 6 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", report.GetProperty("status").GetString());
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(i => 5_000_000L + i), results.Select(r => r.GetProperty("n").GetInt64()).Order());
        Assert.All(results, result => Assert.True(result.GetProperty("verified").GetBoolean()));
        Assert.Contains(results, result => result.GetProperty("sum").GetString() == "41666654166667500000");
        Assert.Equal("cpu", report.GetProperty("workload").GetString());
    }

    [Fact]
    public async Task ThreadsComputeOnWDistinctThreads()
    {
        await using var lab = await CpuLab.StartAsync();

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "threads", workers = 3, count = 12 });

        var workers = report.GetProperty("workersUsed").EnumerateArray().ToList();
        Assert.Equal(3, workers.Count);
        Assert.All(workers, worker => Assert.Equal("thread", worker.GetProperty("kind").GetString()));
        Assert.Equal(12, workers.Sum(worker => worker.GetProperty("items").GetInt32()));
    }

    [Fact]
    public async Task AsyncInterleavesEveryItemOnOneThread()
    {
        await using var lab = await CpuLab.StartAsync();

        // Each item is several chunks long, so every item yields at least once.
        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "async", start = 5_000_000, count = 8 });

        var worker = Assert.Single(report.GetProperty("workersUsed").EnumerateArray());
        Assert.Equal("event-loop", worker.GetProperty("id").GetString());
        Assert.Equal(8, report.GetProperty("peakInFlight").GetInt64());
        Assert.Equal(8, report.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("lane").GetString()).Distinct().Count());
    }

    [Fact]
    public async Task GilThreadsTakeTurnsAndRecordTheirLockWaits()
    {
        await using var lab = await CpuLab.StartAsync();

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "gil", workers = 2, start = 200_000_000, count = 6, switchIntervalMs = 1 });

        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.All(results, result => Assert.True(result.GetProperty("verified").GetBoolean()));
        Assert.All(results, result => Assert.Equal(JsonValueKind.Number, result.GetProperty("lockWaitMs").ValueKind));
        // Two threads each hold an item, but only one computes at a time: someone waited.
        Assert.Equal(2, report.GetProperty("peakInFlight").GetInt64());
        Assert.True(results.Sum(result => result.GetProperty("lockWaitMs").GetDouble()) > 0);
    }

    [Fact]
    public async Task ProcessesComputeInWorkerProcesses()
    {
        await using var lab = await CpuLab.StartAsync();

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "processes", workers = 2, count = 4 });

        var workers = report.GetProperty("workersUsed").EnumerateArray().ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, worker => Assert.NotEqual(Environment.ProcessId, worker.GetProperty("pid").GetInt32()));
        Assert.True(report.GetProperty("startupMs").GetDouble() > 0);
    }

    [Fact]
    public async Task ReplicasCountOpeningTheirConnectionsAsStartUp()
    {
        await using var lab = await CpuLab.StartAsync();

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "replicas", workers = 2, count = 4 });

        Assert.Equal(4, report.GetProperty("succeeded").GetInt32());
        Assert.True(report.GetProperty("startupMs").GetDouble() > 0);
    }

    [Theory]
    [InlineData("native")]
    [InlineData("jit")]
    public async Task EachWorkerKindComputesEveryVerifiedSumInItsOwnProcesses(string kind)
    {
        Assert.SkipWhen(kind == "native" && CpuWorkerLauncher.StampedNativeWorkerPath() is null,
            "The native worker is not built here (no gcc): CpuRunner's own JIT worker is used instead.");
        // Where the build stamps a native worker, it must exist (this project's build publishes it first).
        Assert.True(kind != "native" || CpuWorkerLauncher.NativeWorkerPath() is not null,
            $"The build said it published the native worker at {CpuWorkerLauncher.StampedNativeWorkerPath()}, and it is not there.");
        await using var lab = await CpuLab.StartAsync(new Dictionary<string, string?> { ["CpuRunner:ProcessWorker"] = kind });

        var (_, report) = await lab.PostAsync("/cpu/runs?wait=true", new { strategy = "processes", workers = 2, count = 6 });

        var workers = report.GetProperty("workersUsed").EnumerateArray().ToList();
        Assert.Equal(2, workers.Count);
        Assert.All(workers, worker => Assert.EndsWith($"({kind})", worker.GetProperty("id").GetString()));
        Assert.Equal(6, workers.Sum(worker => worker.GetProperty("items").GetInt32()));
        var results = report.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(6, results.Count);
        Assert.All(results, result => Assert.True(result.GetProperty("verified").GetBoolean()));
        // Each worker measured its own thread's CPU on each item and sent it back.
        Assert.All(report.GetProperty("timeline").EnumerateArray(), item => Assert.True(item.GetProperty("onCpuMs").GetDouble() > 0));
        Assert.Equal(6, report.GetProperty("timeSplit").GetProperty("attributedItems").GetInt32());
        // Each reply also says how long the item took in the worker: the rest was the pipe's round trip.
        Assert.Equal(System.Text.Json.JsonValueKind.Number, report.GetProperty("dispatchMs").ValueKind);
        await Eventually.HoldsAsync(() => workers.All(worker => ServiceProcess.IsGone(worker.GetProperty("pid").GetInt32())), CpuLab.Cancel);
    }

    [Fact]
    public async Task AnUnknownWorkerKindStopsTheRunnerAtStart()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => CpuLab.StartAsync(new Dictionary<string, string?> { ["CpuRunner:ProcessWorker"] = "python" }));

        Assert.Contains("ProcessWorker", error.ToString());
    }

    [Fact]
    public async Task CompareRunsAllSevenStrategies()
    {
        await using var lab = await CpuLab.StartAsync();

        var (_, report) = await lab.PostAsync("/cpu/compare", new { count = 4 });

        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["sequential", "threads", "async", "gil", "processes", "replicas", "orleans"], rows.Select(r => r.GetProperty("strategy").GetString()));
        Assert.All(rows, row => Assert.Equal("completed", row.GetProperty("status").GetString()));
        Assert.All(rows, row => Assert.Equal(4, row.GetProperty("succeeded").GetInt32()));
    }
}
