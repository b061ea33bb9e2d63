using ConcurrencyLab.Concurrency.Reports;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>
/// ?baseline=&lt;id or tag&gt; and ?failOn=slower: the stored run, compare or sweep a new one is
/// set beside (found before anything runs), and the verdict on change per strategy.
/// </summary>
public static class Baselines
{
    public const string DefaultTag = "baseline";

    public sealed record Asked(StoredEntry? Baseline, bool FailOnSlower, IResult? Problem, double MinChange = ChangeVerdict.DefaultMinChange);

    /// <summary>The baseline the request names (an id first, then the newest entry of this kind with that tag), or a problem naming the field.</summary>
    public static async Task<Asked> ResolveAsync(HttpRequest http, IRunner runner, string kind, CancellationToken cancellationToken)
    {
        var minChange = ChangeVerdict.DefaultMinChange;
        if (http.Query["minChange"].FirstOrDefault() is { } percent)
        {
            if (!double.TryParse(percent, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var asked) || asked is < 0 or > 100)
                return Refused("minChange", $"minChange is the smallest change in percent called faster or slower, 0 to 100 (default {ChangeVerdict.DefaultMinChange * 100:0}); got '{ProblemText.Quote(percent)}'.");
            minChange = asked / 100;
        }

        var failOn = http.Query["failOn"].FirstOrDefault();
        if (failOn is not null && failOn != "slower")
            return Refused("failOn", $"failOn must be 'slower'; got '{ProblemText.Quote(failOn)}'.");
        var value = BaselineAsked(http);
        if (value is null)
            return failOn is null ? new(null, false, null) : Refused("failOn", "failOn needs a baseline to compare with: add ?baseline=<id or tag>.");
        if (runner.Registry.Store is not { } store)
            return new(null, false, Problems.NoStore());
        try
        {
            var entry = await store.FindAsync(value, cancellationToken);
            if (entry is not null && entry.Kind != kind)
                return Refused("baseline", $"baseline '{ProblemText.Quote(value)}' is a stored {entry.Kind}; this is a {kind}.");
            entry ??= StoredQuery.TagError(value) is null ? await store.FindTaggedAsync(kind, value, cancellationToken) : null;
            return entry is null
                ? new(null, false, Problems.BaselineNotFound(kind, value))
                : new(entry, failOn is not null, null, minChange);
        }
        catch (RunStoreUnavailableException error)
        {
            return new(null, false, Problems.StoreUnavailable(store.Location, error.InnerException?.Message ?? error.Message));
        }
    }

    /// <summary>Each strategy and worker count on both sides, the rounds' wall times against each other.</summary>
    public static BaselineChange Of(ComparisonReport current, ComparisonReport baseline, double minChange = ChangeVerdict.DefaultMinChange)
    {
        var rows = current.Rows
            .Select(row => (row, before: baseline.Rows.FirstOrDefault(candidate => candidate.Strategy == row.Strategy && candidate.Workers == row.Workers)))
            .Where(pair => pair.before is not null)
            .Select(pair => ChangeVerdict.Of(pair.row.Strategy, pair.row.Workers, Rounds(pair.before!), Rounds(pair.row), minChange))
            .ToList();
        return new BaselineChange(baseline.Id!, rows, ChangeVerdict.Sentence(baseline.Id!, rows));
    }

    /// <summary>One run against another: one round each, so the verdict cannot tell, and says why.</summary>
    public static BaselineChange Of(RunReport current, RunReport baseline)
    {
        IReadOnlyList<StrategyChange> rows = current.Strategy == baseline.Strategy
            ? [ChangeVerdict.Of(current.Strategy, current.Workers, [baseline.WallMs], [current.WallMs])]
            : [];
        return new BaselineChange(baseline.Id, rows, ChangeVerdict.Sentence(baseline.Id, rows));
    }

    // ?baseline=<id or tag>; ?baseline alone means the newest tagged "baseline"; null when not asked.
    private static string? BaselineAsked(HttpRequest http)
    {
        if (!http.Query.TryGetValue("baseline", out var values))
            return null;
        return values.FirstOrDefault() is { Length: > 0 } named ? named : DefaultTag;
    }

    private static IReadOnlyList<double> Rounds(ComparisonRow row) => row.RoundWallMs is { Count: > 0 } rounds ? rounds : [row.WallMs];

    private static Asked Refused(string field, string message) => new(null, false, Problems.Field(field, message));
}
