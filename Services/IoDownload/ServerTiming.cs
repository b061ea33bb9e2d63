using System.Globalization;

namespace ConcurrencyLab.IoRunner;

/// <summary>Reads SiteStub's Server-Timing header ("queue;dur=12.5, latency;dur=100"): how long it queued the request.</summary>
public static class ServerTiming
{
    public static double? QueueMs(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Server-Timing", out var values))
            return null;
        foreach (var metric in values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)))
        {
            var parts = metric.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] != "queue")
                continue;
            var duration = parts.Skip(1).FirstOrDefault(part => part.StartsWith("dur=", StringComparison.Ordinal));
            if (duration is not null && double.TryParse(duration[4..], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                return ms;
        }

        return null;
    }
}
