using System.Collections.Frozen;
using System.Globalization;
using ConcurrencyLab.Contracts;

namespace ConcurrencyLab.SiteStub;

/// <summary>
/// Turns /sites/{name}'s query string into a SiteRequest, or into errors that name each
/// bad parameter and its limit. Unknown parameters are errors too: a misspelt
/// "latencyms=5" silently ignored would make a run measure the wrong thing.
/// </summary>
public static class SiteRequestParser
{
    public static readonly IReadOnlyList<string> Parameters =
        ["profile", "latencyMs", "dist", "jitterMs", "seed", "sizeBytes", "bandwidthKBps", "failRate", "failStatus", "failMode"];

    private static readonly FrozenSet<string> Known = Parameters.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static SiteRequest? Parse(
        IQueryCollection query,
        SiteDefinition site,
        SiteStubOptions options,
        out Dictionary<string, string[]> errors)
    {
        var found = new Dictionary<string, string[]>();
        var reader = new Reader(query, found);

        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key))
                found[key] = [$"Unknown parameter '{key}'. Known: {string.Join(", ", Parameters)}."];
        }

        double latency = site.LatencyMs, jitter = site.JitterMs;
        var dist = site.Dist;
        var profileName = reader.Text("profile");
        if (profileName is not null)
        {
            if (options.Profiles.TryGetValue(profileName, out var profile))
                (latency, dist, jitter) = (profile.LatencyMs, profile.Dist, profile.JitterMs);
            else
                found["profile"] = [$"Unknown profile '{profileName}'. Known: {string.Join(", ", options.Profiles.Keys)}."];
        }

        latency = reader.Number("latencyMs", 0, options.MaxLatencyMs) ?? latency;
        jitter = reader.Number("jitterMs", 0, options.MaxLatencyMs) ?? jitter;
        dist = reader.Choice<LatencyDistribution>("dist") ?? dist;
        var seed = (int?)reader.Number("seed", int.MinValue, int.MaxValue, wholeOnly: true);
        var size = (long?)reader.Number("sizeBytes", 0, options.MaxSizeBytes, wholeOnly: true) ?? site.SizeBytes;
        var bandwidth = reader.Number("bandwidthKBps", 0.001, 10_000_000);
        var failRate = reader.Number("failRate", 0, 1) ?? 0;
        var failStatus = (int?)reader.Number("failStatus", 400, 599, wholeOnly: true) ?? StatusCodes.Status503ServiceUnavailable;
        var failMode = reader.Choice<FailMode>("failMode") ?? FailMode.Status;

        errors = found;
        if (found.Count > 0)
            return null;
        return new SiteRequest(new LatencyModel(latency, dist, jitter), seed, size, bandwidth, failRate, failMode, failStatus);
    }

    private readonly struct Reader(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        public string? Text(string name)
        {
            if (!query.TryGetValue(name, out var values))
                return null;
            if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
            {
                errors[name] = [$"{name} must be given once, with a value."];
                return null;
            }

            return values[0];
        }

        public double? Number(string name, double min, double max, bool wholeOnly = false)
        {
            var text = Text(name);
            if (text is null)
                return null;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                errors[name] = [$"{name} must be a number {Limits(min, max)}; got '{ProblemText.Quote(text)}'."];
                return null;
            }

            if (wholeOnly && value != Math.Floor(value))
            {
                errors[name] = [$"{name} must be a whole number {Limits(min, max)}; got {text}."];
                return null;
            }

            if (value < min || value > max)
            {
                errors[name] = [$"{name} must be {Limits(min, max)}; got {ProblemText.Quote(text)}."];
                return null;
            }

            return value;
        }

        public TEnum? Choice<TEnum>(string name) where TEnum : struct, Enum
        {
            var text = Text(name);
            if (text is null)
                return null;
            if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsAsciiDigit(text[0]))
                return value;
            var known = string.Join(", ", Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
            errors[name] = [$"{name} must be one of {known}; got '{ProblemText.Quote(text)}'."];
            return null;
        }

        // Written only for an error message: formatting the limits of every valid
        // parameter cost a measurable share of each download.
        private static string Limits(double min, double max) => $"between {Format(min)} and {Format(max)}";

        private static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);

    }
}
