namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// A sweep's throughput fitted to the Universal Scalability Law (Gunther):
/// X(N) = λN / (1 + σ(N−1) + κN(N−1)). σ is contention (the share of work that queues
/// for something shared), κ coherency (the cost of workers keeping each other in step,
/// which makes throughput fall past a peak).
/// </summary>
/// <param name="Lambda">Items per second of one worker with nothing in its way.</param>
/// <param name="Sigma">Contention σ, 0 or more.</param>
/// <param name="Kappa">Coherency κ, 0 or more.</param>
/// <param name="PeakWorkers">Where the fitted curve peaks, √((1−σ)/κ); null when it never falls (κ = 0).</param>
/// <param name="KneeWorkers">The fewest workers at which the fitted curve reaches 90 % of its peak (or of its limit λ/σ); null when it keeps rising linearly.</param>
/// <param name="BestWorkers">The measured best worker count (highest throughput).</param>
/// <param name="TiedWithBest">Other measured worker counts within 5 % of the best's wall time, or whose range over the rounds overlaps the best's.</param>
/// <param name="LittleItemMs">IO: the item time at the fewest workers, for Little's law (throughput = workers / item time); null for CPU.</param>
/// <param name="Points">Measured against fitted throughput at every swept worker count.</param>
/// <param name="Curve">The fitted curve, one point per worker count from 1 to twice the largest swept.</param>
public sealed record ScalingFit(
    double Lambda,
    double Sigma,
    double Kappa,
    double? PeakWorkers,
    int? KneeWorkers,
    int BestWorkers,
    IReadOnlyList<int> TiedWithBest,
    double? LittleItemMs,
    IReadOnlyList<ScalingPoint> Points,
    IReadOnlyList<ScalingPoint> Curve);

/// <param name="MeasuredPerSecond">Items per second measured (null on the fitted curve).</param>
/// <param name="FittedPerSecond">Items per second the fit predicts.</param>
/// <param name="LittlePerSecond">Items per second Little's law allows with no queueing (IO only).</param>
/// <param name="FittedWallMs">The wall time the fit predicts for the sweep's item count.</param>
/// <param name="LittleWallMs">The wall time Little's law allows for the sweep's item count (IO only).</param>
public sealed record ScalingPoint(int Workers, double? MeasuredPerSecond, double FittedPerSecond, double? LittlePerSecond, double FittedWallMs,
    double? LittleWallMs = null);
