using System.Diagnostics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.Concurrency.Tests;

public sealed class ProcessesFeedTests : IDisposable
{
    // A worker (a shell script) that answers an item only once its next request has arrived,
    // or after 5 s without one (a margin no pipe write needs); each reply says which it was.
    private const string PatientWorker = """
        #!/bin/bash
        echo "{\"pid\":$$}"
        IFS= read -r pending || exit 0
        while true; do
          IFS= read -r -t 5 next; status=$?
          if [ $status -eq 0 ]; then fed=fed; else fed=starved; fi
          index=${pending#*\"index\":}; index=${index%%,*}
          echo "{\"index\":$index,\"ok\":true,\"bytes\":1,\"value\":\"$fed\"}"
          if [ $status -eq 0 ]; then pending=$next
          elif [ $status -gt 128 ]; then IFS= read -r pending || exit 0
          else exit 0; fi
        done
        """;

    // A worker that answers each item at once with the traceparent it was sent.
    private const string EchoingWorker = """
        #!/bin/bash
        echo "{\"pid\":$$}"
        while IFS= read -r line; do
          index=${line#*\"index\":}; index=${index%%,*}
          parent=${line#*\"traceParent\":\"}; parent=${parent%%\"*}
          echo "{\"index\":$index,\"ok\":true,\"bytes\":1,\"value\":\"$parent\"}"
        done
        """;

    private readonly string _script = Path.Combine(Path.GetTempPath(), $"patient-worker-{Guid.NewGuid():N}.sh");
    private readonly string _echo = Path.Combine(Path.GetTempPath(), $"echoing-worker-{Guid.NewGuid():N}.sh");

    public ProcessesFeedTests()
    {
        File.WriteAllText(_script, PatientWorker.Replace("\r\n", "\n"));
        File.WriteAllText(_echo, EchoingWorker.Replace("\r\n", "\n"));
    }

    [Fact]
    public async Task AWorkerHasItsNextItemBeforeItAnswersTheCurrentOneExceptForTheLastItemsWhichGoToWhoeverIsFree()
    {
        using var engine = new EngineHarness();
        var run = engine.Start(new FakeWorkload(6), new ProcessesStrategy(), new StrategySettings(1), new BashWorkerLauncher(_script));
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var fed = run.Recorder.Outcomes().OrderBy(item => item.Index).Select(item => item.Outcome.Value).ToList();
        var timeline = run.Recorder.Timeline().OrderBy(item => item.StartMs).ToList();

        // Fed one ahead while more items remain than workers; the last one goes when asked for.
        Assert.Equal(["fed", "fed", "fed", "fed", "starved", "starved"], fed);
        Assert.Equal([0, 1, 2, 3, 4, 5], timeline.Select(item => item.Index));
        // Each item begins when the one before it on the worker ends: the lane never holds two.
        Assert.All(timeline.Zip(timeline.Skip(1)), pair => Assert.True(pair.Second.StartMs >= pair.First.StartMs + pair.First.DurationMs));
        Assert.Equal(1, run.Recorder.InFlight.Peak);
    }

    [Theory]
    [InlineData(TraceMode.Full)]
    [InlineData(TraceMode.Items)]
    public async Task AnItemSentAheadCarriesTheContextItsTracePolicyGivesIt(TraceMode tracing)
    {
        using var engine = new EngineHarness();
        var report = await engine.RunAsync(new FakeWorkload(6), new ProcessesStrategy(), new StrategySettings(2, Tracing: tracing), new BashWorkerLauncher(_echo));

        var root = Assert.Single(engine.Spans, span => span.OperationName == "fake.run" && span.TraceId.ToString() == report.TraceId);
        var sent = engine.LastRun!.Recorder.Outcomes().Select(item => item.Outcome.Value!).ToList();

        Assert.Equal(6, sent.Count);
        if (tracing == TraceMode.Full)
        {
            // Traced in detail: the worker's own span goes under the run's root.
            Assert.All(sent, parent => Assert.Equal($"00-{root.TraceId}-{root.SpanId}-01", parent));
        }
        else
        {
            // The runner's span is the item's; the worker's calls stay in the run's trace, unsampled.
            Assert.All(sent, parent => Assert.Matches($"^00-{root.TraceId}-[0-9a-f]{{16}}-00$", parent));
            Assert.DoesNotContain(sent, parent => parent.Contains(root.SpanId.ToString(), StringComparison.Ordinal));
            Assert.Equal(6, engine.ItemSpans(report.TraceId!).Count);
        }
    }

    public void Dispose()
    {
        File.Delete(_script);
        File.Delete(_echo);
    }

    private sealed class BashWorkerLauncher(string script) : IWorkerLauncher
    {
        public string Kind => "script";

        public ProcessStartInfo CreateStartInfo() => new("bash") { ArgumentList = { script } };
    }
}
