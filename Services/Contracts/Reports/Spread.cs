namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>A measure taken over rounds: its median, its smallest and its largest value.</summary>
public sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(Math.Round(median, 3), Math.Round(sorted[0], 3), Math.Round(sorted[^1], 3));
    }

    /// <summary>Whether the two ranges share any value: then neither measure beat the other.</summary>
    public bool Overlaps(Spread other) => Min <= other.Max && other.Min <= Max;
}
