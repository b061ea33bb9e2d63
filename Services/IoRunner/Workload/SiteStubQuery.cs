using System.Globalization;

namespace ConcurrencyLab.IoRunner;

/// <summary>The query string a download sends SiteStub: the request's SiteStub parameters as given, and the item's seed.</summary>
public static class SiteStubQuery
{
    public static string Of(IReadOnlyList<KeyValuePair<string, string>> parameters, int? seed)
    {
        var query = parameters.Select(parameter => $"{parameter.Key}={Uri.EscapeDataString(parameter.Value)}");
        if (seed is { } value)
            query = query.Append(string.Create(CultureInfo.InvariantCulture, $"seed={value}"));
        return string.Join('&', query);
    }
}
