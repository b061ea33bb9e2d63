using System.Globalization;
using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Strategies;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// Checks an IO request against IoRunner's limits and SiteStub's catalog, and fills in
/// the defaults. Every problem is reported at once, by field, with its limit. SiteStub's
/// own parameters (latency, size, failures) are forwarded as given: SiteStub checks them
/// (IoRunService asks it before the run), so their limits live in one place.
/// </summary>
public sealed class IoRunValidator(IoRunnerOptions limits, SiteStubCatalog catalog, Uri siteStub)
{
    public static readonly IReadOnlyList<int> DefaultWorkerCounts = [5, 10, 15, 20, 30];
    private const int DefaultRepeat = 80;

    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;

    /// <summary>The request's SiteStub parameters, for SiteStub to check; set by Validate.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> SiteStubParameters { get; private set; } = [];

    public IoRunPlan? Validate(IoRunRequest request, RequestKind kind)
    {
        var strategy = ValidateStrategy(request.Strategy, kind);
        var sites = ValidateSites(request.Sites);
        var repeat = Range("repeat", request.Repeat, 1, limits.MaxItems) ?? DefaultRepeat;
        if (sites.Count * (long)repeat > limits.MaxItems)
            Fail("repeat", $"sites × repeat must be at most {limits.MaxItems:N0} items (IoRunner:MaxItems); got {sites.Count * (long)repeat:N0}.");
        var items = sites.Count * repeat;

        var workers = request.Workers;
        // By the strategy's kind of worker; a compare's workers go to every strategy, capped later by each.
        var workerCap = strategy is null ? limits.MaxThreads : limits.LimitFor(IoStrategies.All.First(candidate => candidate.Name == strategy).WorkerKind).Max;
        Range("workers", workers, 1, workerCap);
        var maxConcurrency = Range("maxConcurrency", request.MaxConcurrency, 1, limits.MaxAsync);
        if (maxConcurrency is not null && kind != RequestKind.Compare && strategy is not null && strategy != StrategyNames.Async)
            Fail("maxConcurrency", "maxConcurrency applies to the async strategy only; use workers for the others.");
        if ((strategy == StrategyNames.Async || kind == RequestKind.Compare) && maxConcurrency is null && items > limits.MaxAsync)
            Fail("maxConcurrency", $"async starts every item at once: with more than {limits.MaxAsync:N0} items (IoRunner:MaxAsync) set maxConcurrency.");

        var maxConnections = Range("maxConnections", request.MaxConnections, 1, limits.MaxAsync);
        if (maxConnections is not null && request.ClientPerWorker == true)
            Fail("maxConnections", "maxConnections caps the HttpClient the workers share; with clientPerWorker each worker has its own and downloads one page at a time, so no cap could bind.");

        var timeoutMs = Range("timeoutMs", request.TimeoutMs, 1, limits.MaxTimeoutMs) ?? limits.DefaultTimeoutMs;
        var workerCounts = kind == RequestKind.Sweep ? ValidateWorkerCounts(request.WorkerCounts, workerCap) : [];
        if (kind != RequestKind.Sweep && request.WorkerCounts is not null)
            Fail("workerCounts", "workerCounts belongs to POST /io/sweep only.");

        var (tracing, rounds) = MeasurementFields.Parse(request.Tracing, request.Rounds, items, kind, Fail);
        var parameters = SiteStubParameters = Forwarded(request);
        var expectedItemMs = ExpectedDownload.Ms(catalog, request, sites);
        if (_errors.Count > 0)
            return null;

        // Workers stay as asked (0: not given): IoRunService.SettingsFor is the one place that
        // fills in each strategy's default and applies its cap, for runs, compares and sweeps.
        var settings = new StrategySettings(workers ?? 0, maxConcurrency, request.ClientPerWorker ?? false, Tracing: tracing, MaxConnections: maxConnections);
        return new IoRunPlan(strategy ?? "", settings, sites, repeat, TimeSpan.FromMilliseconds(timeoutMs),
            parameters, request.Seed, expectedItemMs, workerCounts, siteStub, rounds,
            catalog.MaxConcurrent > 0 ? catalog.MaxConcurrent : null);
    }

    private string? ValidateStrategy(string? strategy, RequestKind kind)
    {
        if (kind == RequestKind.Compare)
        {
            if (strategy is not null)
                Fail("strategy", "compare runs every strategy; leave strategy out.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(strategy))
        {
            Fail("strategy", $"strategy is required: one of {string.Join(", ", IoStrategies.Names)}.");
            return null;
        }

        var name = strategy.Trim().ToLowerInvariant();
        if (!IoStrategies.Names.Contains(name))
        {
            Fail("strategy", $"Unknown strategy '{ProblemText.Quote(strategy)}': one of {string.Join(", ", IoStrategies.Names)}.");
            return null;
        }

        return name;
    }

    private List<string> ValidateSites(List<string>? requested)
    {
        if (requested is null)
            return ["jython", "dice"];
        if (requested.Count == 0 || requested.Count > limits.MaxSites)
        {
            Fail("sites", $"sites must list 1 to {limits.MaxSites} site names.");
            return [];
        }

        var known = string.Join(", ", catalog.Sites.Select(site => site.Name));
        var sites = new List<string>();
        foreach (var name in requested)
        {
            if (catalog.Find(name ?? "") is { } site)
            {
                sites.Add(site.Name);
                continue;
            }

            // Only SiteStub's own sites: a URL, a path or a host is never fetched.
            Fail("sites", $"'{ProblemText.Quote(name ?? "null")}' is not a SiteStub site; IoRunner downloads only from SiteStub ({known}).");
        }

        return sites;
    }

    private List<int> ValidateWorkerCounts(List<int>? counts, int cap)
    {
        counts ??= [.. DefaultWorkerCounts];
        if (counts.Count == 0 || counts.Count > limits.MaxSweepPoints)
            Fail("workerCounts", $"workerCounts must list 1 to {limits.MaxSweepPoints} worker counts.");
        else if (counts.Any(count => count < 1 || count > cap))
            Fail("workerCounts", $"every worker count must be between 1 and {cap}.");
        return counts;
    }

    // SiteStub's parameters travel in a URL, where a server refuses a long request line
    // before SiteStub could name the field: text longer than this is refused here.
    public const int MaxForwardedText = 100;

    private List<KeyValuePair<string, string>> Forwarded(IoRunRequest request)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is null)
                return;
            if (value.Length > MaxForwardedText)
                Fail(name, $"{name} must be at most {MaxForwardedText} characters; got {value.Length:N0}.");
            else
                parameters.Add(new(name, value));
        }

        Add("profile", request.Profile);
        Add("latencyMs", Number(request.LatencyMs));
        Add("dist", request.Dist);
        Add("jitterMs", Number(request.JitterMs));
        Add("sizeBytes", Number(request.SizeBytes));
        Add("bandwidthKBps", Number(request.BandwidthKBps));
        Add("failRate", Number(request.FailRate));
        Add("failMode", request.FailMode);
        Add("failStatus", Number(request.FailStatus));
        return parameters;
    }

    private int? Range(string field, int? value, int min, int max)
    {
        if (value is { } number && (number < min || number > max))
        {
            Fail(field, $"{field} must be between {min:N0} and {max:N0}; got {number:N0}.");
            return null;
        }

        return value;
    }

    private static string? Number(double? value) => value?.ToString(CultureInfo.InvariantCulture);

    private void Fail(string field, string message) =>
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];

}
