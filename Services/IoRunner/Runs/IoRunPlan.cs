using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.IoRunner;

/// <summary>A validated IO request: defaults filled in, ready to run.</summary>
public sealed record IoRunPlan(
    string Strategy,
    StrategySettings Settings,
    IReadOnlyList<string> Sites,
    int Repeat,
    TimeSpan Timeout,
    IReadOnlyList<KeyValuePair<string, string>> SiteStubParameters,
    int? Seed,
    double ExpectedItemMs,
    IReadOnlyList<int> WorkerCounts,
    Uri SiteStub,
    int Rounds = 1,
    int? ServerMaxConcurrent = null) : IRunPlan
{
    public int Items => Sites.Count * Repeat;

    /// <summary>The SiteStub path item i downloads: the study's two pages, alternating.</summary>
    public string PathOf(int index)
    {
        var site = Sites[index % Sites.Count];
        var query = SiteStubQuery.Of(SiteStubParameters, Seed is { } seed ? unchecked(seed + index) : null);
        return query.Length == 0 ? $"/sites/{site}" : $"/sites/{site}?{query}";
    }

    /// <summary>The request as the report shows it, defaults filled in.</summary>
    public object Describe() => new
    {
        strategy = Strategy,
        // Null: not asked, each strategy's default (a compare's or sweep's request).
        workers = Settings.Workers > 0 ? Settings.Workers : (int?)null,
        maxConcurrency = Settings.MaxConcurrency,
        clientPerWorker = Settings.ClientPerWorker,
        maxConnections = Settings.MaxConnections,
        sites = Sites,
        repeat = Repeat,
        items = Items,
        timeoutMs = Timeout.TotalMilliseconds,
        seed = Seed,
        siteStub = SiteStubParameters.ToDictionary(parameter => parameter.Key, parameter => parameter.Value),
        expectedItemMs = ExpectedItemMs,
        tracing = TracePolicy.NameOf(Settings.Tracing),
        rounds = Rounds,
    };
}
