using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Concurrency.Workers;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.Concurrency.Tests;

/// <summary>A real engine (registry, executor, strategies) with a span listener of its own.</summary>
public sealed class EngineHarness : IDisposable
{
    private readonly ActivitySource _source;
    private readonly ActivityListener _listener;
    private readonly MeterFactory _meters = new();

    public EngineHarness(EngineOptions? options = null, IRunStore? store = null)
    {
        // A source name of its own, so spans of tests running in parallel never mix.
        _source = new ActivitySource($"ConcurrencyLab.Tests.{Guid.NewGuid():N}");
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source == _source,
            // Parent-based, as the lab's services sample: a child of an unsampled parent is not recorded.
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent == default || options.Parent.TraceFlags.HasFlag(ActivityTraceFlags.Recorded)
                    ? ActivitySamplingResult.AllDataAndRecorded
                    : ActivitySamplingResult.PropagationData,
            ActivityStopped = span =>
            {
                if (span.Recorded)
                    Spans.Add(span);
            },
        };
        ActivitySource.AddActivityListener(_listener);
        Registry = new RunRegistry(new RunExecutor(new LabMetrics(_meters)), Options.Create(options ?? new EngineOptions()),
            new RunnerTelemetry(_source, "fake.run", "test-instance"), store);
    }

    public RunRegistry Registry { get; }

    /// <summary>The source items' own calls out should use, as an HttpClient would under the item.</summary>
    public ActivitySource CallSource => _source;

    public ConcurrentBag<Activity> Spans { get; } = [];

    /// <summary>The run last started, for what its report does not show.</summary>
    public Run? LastRun { get; private set; }

    public Run Start(IWorkload workload, IStrategy strategy, StrategySettings settings, IWorkerLauncher? launcher = null) =>
        LastRun = Registry.Start(null, workload, strategy, settings, null, launcher);

    public async Task<RunReport> RunAsync(IWorkload workload, IStrategy strategy, StrategySettings settings, IWorkerLauncher? launcher = null)
    {
        var run = Start(workload, strategy, settings, launcher);
        await run.Finished.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        return Registry.Report(run);
    }

    public List<Activity> ItemSpans(string traceId) =>
        Spans.Where(span => span.OperationName == "fake.item" && span.TraceId.ToString() == traceId).ToList();

    public void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
        _meters.Dispose();
    }

    private sealed class MeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            lock (_meters)
                _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            lock (_meters)
                _meters.ForEach(meter => meter.Dispose());
        }
    }
}
