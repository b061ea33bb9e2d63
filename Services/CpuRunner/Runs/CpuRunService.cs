using System.Diagnostics;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.CpuRunner;

/// <summary>The CPU runner: exact sums of squares under seven strategies.</summary>
public sealed class CpuRunService : IRunner<CpuRunPlan>
{
    public static readonly ActivitySource Source = new(LabTelemetry.CpuSource);
    private readonly IServer _server;
    private readonly CpuRunnerOptions _options;

    public CpuRunService(RunRegistry registry, IServer server, IOptions<CpuRunnerOptions> options, IGrainFactory grains)
    {
        Registry = registry;
        _server = server;
        _options = options.Value;
        Strategies = CpuStrategies.Create(ReplicaTarget, grains);
    }

    public string Workload => "cpu";

    public IReadOnlyList<IStrategy> Strategies { get; }

    public RunRegistry Registry { get; }

    public async Task<PreparedRun> PrepareAsync(HttpRequest http, RequestKind kind, CancellationToken cancellationToken)
    {
        var body = await JsonBody.ReadAsync<CpuRunRequest>(http, _options.MaxBodyBytes, cancellationToken);
        if (body.Problem is not null)
            return new PreparedRun(null, body.Problem);
        var validator = new CpuRunValidator(_options, Strategies);
        var plan = validator.Validate(body.Value!, kind);
        return PreparedRun.From(plan, validator.Errors);
    }

    public Run Start(RunAdmission.Place? place, CpuRunPlan plan, IStrategy strategy, StrategySettings settings)
    {
        var runPlan = plan with { Strategy = strategy.Name, Settings = settings };
        var launcher = strategy.UsesWorkerProcesses ? CpuWorkerLauncher.For(_options.ProcessWorker) : null;
        return Registry.Start(place, new SumSquaresWorkload(runPlan), strategy, settings, runPlan.Describe(), launcher);
    }

    public Task<IRunPlan> WarmUpPlanAsync(CancellationToken cancellationToken)
    {
        // The study's item size, two lanes: the dispatch the warm pass measures (and predictions
        // use) then includes the round trip's contention with items computing on both cores.
        // 64 items: a replica's per-item path gets past the JIT's call-count threshold in a pass or two.
        var request = new CpuRunRequest { Start = 5_000_000, Count = 64, Tracing = "off" };
        IRunPlan plan = new CpuRunValidator(_options, Strategies).Validate(request, RequestKind.Compare)
            ?? throw new InvalidOperationException("The warm-up plan is not valid.");
        return Task.FromResult(plan);
    }

    /// <summary>The request's workers where given, else one per core, within its kind's cap; one for sequential and async.</summary>
    // Four of the sweep's numbers: the items are all about the same size.
    public CpuRunPlan ProbeOf(CpuRunPlan plan) =>
        plan with { Count = Math.Min(plan.Count, 4), Settings = plan.Settings with { Tracing = TraceMode.Off }, Rounds = 1 };

    public StrategySettings SettingsFor(IStrategy strategy, CpuRunPlan plan, int? workers = null) =>
        StrategySettingsResolver.Resolve(strategy, plan.Settings, workers, plan.Count, _options.LimitFor);

    private ReplicaTarget ReplicaTarget()
    {
        var address = !string.IsNullOrWhiteSpace(_options.ReplicasUrl)
            ? _options.ReplicasUrl
            : _server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("CpuRunner does not know its own address; set CpuRunner:ReplicasUrl.");
        return new ReplicaTarget(new Uri(address.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "127.0.0.1")), _options.Replicas,
            TimeSpan.FromMilliseconds(_options.ReplicaTimeoutMs));
    }
}
