using System.Globalization;
using System.Text.Json.Nodes;
using ConcurrencyLab.Concurrency.Strategies;

namespace ConcurrencyLab.Gateway.Lab.Client;

/// <summary>
/// The run form as the user typed it. Fields stay text: what the user typed goes to the
/// runner as it is (a number when it reads as one), so the runner's own validation names
/// the field and the limit; the page never second-guesses the API.
/// </summary>
public sealed class RunFormModel
{
    public string Workload { get; set; } = Workloads.Io;
    public string Strategy { get; set; } = StrategyNames.Threads;
    public string Workers { get; set; } = "10";
    public string WorkerCounts { get; set; } = "";

    // IO: the downloads and SiteStub's behaviour.
    public string Repeat { get; set; } = "20";
    public string LatencyMs { get; set; } = "100";
    public string FailRate { get; set; } = "0";
    public string Profile { get; set; } = "";

    // CPU: which numbers, and the switch interval of a strategy that emulates an interpreter lock.
    public string Start { get; set; } = "5000000";
    public string Count { get; set; } = "20";
    public string SwitchIntervalMs { get; set; } = "5";

    /// <summary>Compare and sweep: how many times each run is measured (a single run is one measurement).</summary>
    public string Rounds { get; set; } = "";

    /// <summary>The runs' trace policy: sampled (the runner's default when empty), full, items or off.</summary>
    public string Tracing { get; set; } = "";

    /// <summary>Compare and sweep: set the result beside the newest stored one tagged "baseline" (?baseline).</summary>
    public bool AgainstBaseline { get; set; }

    public bool IsIo => Workload == Workloads.Io;

    /// <summary>The other workload, with its own defaults for the shared fields.</summary>
    public void SwitchTo(string workload)
    {
        Workload = workload;
        Strategy = StrategyNames.Threads;
        Workers = DefaultWorkers;
        WorkerCounts = "";
    }

    /// <summary>The study's conditions: 160 downloads at about 0.29 s, or 20 numbers from 5,000,000.</summary>
    public void UseStudySettings()
    {
        Repeat = "80";
        LatencyMs = "";
        FailRate = "0";
        Profile = "seed";
        Start = "5000000";
        Count = "20";
        Workers = DefaultWorkers;
        WorkerCounts = "";
    }

    // Ten threads for downloads (the study's middle row); one per core for sums.
    private string DefaultWorkers => IsIo ? "10" : Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture);

    // Each body takes the workload's strategies as the runner lists them: a field that only
    // some strategies read (the switch interval) goes when a strategy in play reads it.
    public JsonObject RunBody(IReadOnlyList<StrategyView> strategies) =>
        Body(ChosenOf(strategies), includeStrategy: true, includeWorkers: true, includeWorkerCounts: false);

    public JsonObject CompareBody(IReadOnlyList<StrategyView> strategies) =>
        Body(strategies, includeStrategy: false, includeWorkers: true, includeWorkerCounts: false);

    public JsonObject SweepBody(IReadOnlyList<StrategyView> strategies) =>
        Body(ChosenOf(strategies), includeStrategy: true, includeWorkers: false, includeWorkerCounts: true);

    private IEnumerable<StrategyView> ChosenOf(IReadOnlyList<StrategyView> strategies) =>
        strategies.Where(strategy => strategy.Name == Strategy);

    private JsonObject Body(IEnumerable<StrategyView> inPlay, bool includeStrategy, bool includeWorkers, bool includeWorkerCounts)
    {
        var body = new JsonObject();
        if (includeStrategy)
            Add(body, "strategy", Strategy);
        if (includeWorkers)
            Add(body, "workers", Workers);
        // Rounds belong to a series; a single run is one measurement.
        if (!includeStrategy || includeWorkerCounts)
            Add(body, "rounds", Rounds);
        Add(body, "tracing", Tracing);
        if (includeWorkerCounts && !string.IsNullOrWhiteSpace(WorkerCounts))
            body["workerCounts"] = new JsonArray([.. WorkerCounts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Value)]);

        if (IsIo)
        {
            Add(body, "repeat", Repeat);
            Add(body, "profile", Profile);
            // A profile sets the latency; a latency next to it would override the profile.
            if (string.IsNullOrWhiteSpace(Profile))
                Add(body, "latencyMs", LatencyMs);
            Add(body, "failRate", FailRate);
        }
        else
        {
            Add(body, "start", Start);
            Add(body, "count", Count);
            if (inPlay.Any(strategy => strategy.Takes(SwitchIntervalField)))
                Add(body, SwitchIntervalField, SwitchIntervalMs);
        }

        return body;
    }

    private const string SwitchIntervalField = "switchIntervalMs";

    private static void Add(JsonObject body, string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
            body[field] = Value(text);
    }

    private static JsonNode Value(string text)
    {
        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
            return JsonValue.Create(whole);
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(trimmed);
    }
}
