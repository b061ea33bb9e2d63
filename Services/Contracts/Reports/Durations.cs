using System.Globalization;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>How the lab writes a duration for people: "340 ms", or "16.15 s" from a second on.</summary>
public static class Durations
{
    public static string Readable(double milliseconds) => milliseconds >= 1000
        ? string.Create(CultureInfo.InvariantCulture, $"{milliseconds / 1000:0.00} s")
        : string.Create(CultureInfo.InvariantCulture, $"{milliseconds:0} ms");
}
