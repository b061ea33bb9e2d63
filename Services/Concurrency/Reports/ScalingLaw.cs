namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// Fits the Universal Scalability Law, X(N) = λN / (1 + σ(N−1) + κN(N−1)), to measured
/// throughput. The law is linear in N/X: N/X = a + b(N−1) + cN(N−1), with a = 1/λ,
/// b = σ/λ and c = κ/λ, so the fit is a weighted least-squares line through three terms
/// (relative residuals: every point counts alike). σ and κ are never negative: when the
/// free fit makes one negative, it is held at 0 and the rest refitted.
/// </summary>
public static class ScalingLaw
{
    /// <summary>The law's three coefficients.</summary>
    public sealed record Coefficients(double Lambda, double Sigma, double Kappa)
    {
        public double Throughput(double workers) => Lambda * workers / (1 + Sigma * (workers - 1) + Kappa * workers * (workers - 1));

        /// <summary>Where throughput peaks, √((1−σ)/κ); null when it never falls (κ = 0).</summary>
        public double? PeakWorkers => Kappa > 0 ? Math.Sqrt(Math.Max(1 - Sigma, 0) / Kappa) : null;

        /// <summary>The highest throughput the curve reaches, or approaches (λ/σ); null when it rises without bound.</summary>
        public double? PeakThroughput => PeakWorkers is { } peak ? Throughput(Math.Max(peak, 1))
            : Sigma > 0 ? Lambda / Sigma : null;
    }

    /// <summary>The fit, or null with fewer than three distinct worker counts or a point without throughput.</summary>
    public static Coefficients? Fit(IReadOnlyList<(double Workers, double PerSecond)> points)
    {
        if (points.Select(point => point.Workers).Distinct().Count() < 3 || points.Any(point => point.PerSecond <= 0 || point.Workers < 1))
            return null;

        Coefficients? best = null;
        var bestError = double.PositiveInfinity;
        foreach (var (withSigma, withKappa) in new[] { (true, true), (true, false), (false, true), (false, false) })
        {
            if (Solve(points, withSigma, withKappa) is not { } candidate)
                continue;
            var error = points.Sum(point => Math.Pow((candidate.Throughput(point.Workers) - point.PerSecond) / point.PerSecond, 2));
            if (error < bestError)
                (best, bestError) = (candidate, error);
        }

        return best;
    }

    /// <summary>The fewest workers at which the curve reaches this share of its peak; null when it has none.</summary>
    public static int? KneeWorkers(Coefficients fit, double share = 0.9)
    {
        if (fit.PeakThroughput is not { } peak)
            return null;
        var limit = fit.PeakWorkers is { } top ? (int)Math.Ceiling(top) : 1_000_000;
        for (var workers = 1; workers <= limit; workers = workers < 1_000 ? workers + 1 : workers * 11 / 10)
        {
            if (fit.Throughput(workers) >= share * peak)
                return workers;
        }

        return limit;
    }

    // Weighted least squares on N/X with the chosen terms; null when the terms come out
    // negative or the system is singular.
    private static Coefficients? Solve(IReadOnlyList<(double Workers, double PerSecond)> points, bool withSigma, bool withKappa)
    {
        var columns = new List<Func<double, double>> { _ => 1 };
        if (withSigma)
            columns.Add(workers => workers - 1);
        if (withKappa)
            columns.Add(workers => workers * (workers - 1));

        var size = columns.Count;
        var normal = new double[size, size + 1];
        foreach (var (workers, perSecond) in points)
        {
            var y = workers / perSecond;
            var weight = 1 / (y * y);
            for (var row = 0; row < size; row++)
            {
                for (var column = 0; column < size; column++)
                    normal[row, column] += weight * columns[row](workers) * columns[column](workers);
                normal[row, size] += weight * columns[row](workers) * y;
            }
        }

        if (GaussianElimination(normal, size) is not { } terms)
            return null;
        var a = terms[0];
        var b = withSigma ? terms[1] : 0;
        var c = withKappa ? terms[^1] : 0;
        // A tiny negative from rounding is a zero, not a refusal.
        const double Rounding = -1e-12;
        if (a <= 0 || b < Rounding * a || c < Rounding * a)
            return null;
        return new Coefficients(1 / a, Math.Max(b, 0) / a, Math.Max(c, 0) / a);
    }

    private static double[]? GaussianElimination(double[,] matrix, int size)
    {
        for (var pivot = 0; pivot < size; pivot++)
        {
            var best = Enumerable.Range(pivot, size - pivot).MaxBy(row => Math.Abs(matrix[row, pivot]));
            if (Math.Abs(matrix[best, pivot]) < 1e-300)
                return null;
            for (var column = 0; column <= size; column++)
                (matrix[pivot, column], matrix[best, column]) = (matrix[best, column], matrix[pivot, column]);
            for (var row = 0; row < size; row++)
            {
                if (row == pivot)
                    continue;
                var factor = matrix[row, pivot] / matrix[pivot, pivot];
                for (var column = pivot; column <= size; column++)
                    matrix[row, column] -= factor * matrix[pivot, column];
            }
        }

        return [.. Enumerable.Range(0, size).Select(row => matrix[row, size] / matrix[row, row])];
    }
}
