using System.Globalization;
using System.Text.RegularExpressions;
using ConcurrencyLab.Concurrency.Runs;
using ConcurrencyLab.Contracts;
using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>The query of a stored-runs list (page, pageSize, strategy, from, to, tag), checked field by field.</summary>
public static partial class StoredQuery
{
    public const int MaxPageSize = 100;
    public const int DefaultPageSize = 50;
    public const int MaxTagLength = 40;

    /// <summary>The query, or the errors by field.</summary>
    public static (StoreQuery? Query, Dictionary<string, string[]> Errors) Parse(HttpRequest http, IReadOnlyList<string> kinds, IEnumerable<string> strategies)
    {
        var errors = new Dictionary<string, string[]>();
        var query = http.Query;
        var page = Number(query["page"], "page", 1, int.MaxValue, 1, errors);
        var pageSize = Number(query["pageSize"], "pageSize", 1, MaxPageSize, DefaultPageSize, errors);
        var strategy = query["strategy"].FirstOrDefault();
        if (strategy is not null && !strategies.Contains(strategy))
            errors["strategy"] = [$"strategy must be one of {string.Join(", ", strategies)}; got '{ProblemText.Quote(strategy)}'."];
        var from = Date(query["from"], "from", errors);
        var to = Date(query["to"], "to", errors);
        var tag = query["tag"].FirstOrDefault();
        if (tag is not null && TagError(tag) is { } tagError)
            errors["tag"] = [tagError];
        return errors.Count > 0 ? (null, errors) : (new StoreQuery(kinds, strategy, from, to, tag, page, pageSize), errors);
    }

    /// <summary>Why a tag is refused, or null: 1 to 40 letters, digits, '.', '_' or '-'.</summary>
    public static string? TagError(string tag) =>
        TagPattern().IsMatch(tag) ? null : $"tag must be 1 to {MaxTagLength} letters, digits, '.', '_' or '-'; got '{ProblemText.Quote(tag)}'.";

    private static int Number(string? text, string field, int min, int max, int fallback, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [$"{field} must be a whole number from {min:N0} to {max:N0}; got '{ProblemText.Quote(text)}'."];
        return fallback;
    }

    private static DateTimeOffset? Date(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
            return null;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            return value;
        errors[field] = [$"{field} must be a date or time, e.g. 2026-11-27 or 2026-11-27T09:00:00Z; got '{ProblemText.Quote(text)}'."];
        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,40}$")]
    private static partial Regex TagPattern();
}
