namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// What a prediction of a run's wall time starts from: the sequential run's items (their
/// time and the CPU share of it), the machine, and what the strategy gets.
/// </summary>
/// <param name="ItemMs">One item's time alone (the sequential run's mean).</param>
/// <param name="ItemCpuMs">The on-CPU part of it (the sequential run's mean).</param>
/// <param name="PoolThreadsAtStart">The thread pool's size when the run began.</param>
/// <param name="WorkerStartupMs">Worker-process start-up as last measured by this runner; null before any.</param>
/// <param name="DispatchMs">The strategy's time to send an item to a worker process or replica and read the answer, as last measured by this runner.</param>
public sealed record PredictionInputs(
    int Items,
    int Workers,
    int? MaxConcurrency,
    double ItemMs,
    double ItemCpuMs,
    int Cores,
    int PoolThreadsAtStart,
    double? WorkerStartupMs,
    double DispatchMs = 0);

/// <summary>
/// The arithmetic the strategies' predictions share: Little's law for overlapped waits
/// (with L lanes, items finish in waves of L, each an item's time long) and Amdahl's law
/// for the CPU share (the on-CPU parts spread over at most as many cores as lanes).
/// </summary>
public static class Prediction
{
    /// <summary>The .NET thread pool's injection rate when every pool thread is blocked: about 2 threads a second.</summary>
    public const double PoolInjectionPerSecond = 2;

    /// <summary>L lanes taking items from one queue: the longer of the waves and the CPU work spread over the cores.</summary>
    public static double Lanes(PredictionInputs inputs, int lanes) => Math.Max(Waves(inputs, lanes), Computing(inputs, lanes));

    /// <summary>Little's law: L lanes finish the items in waves of L, each an item's time (and its dispatch) long.</summary>
    public static double Waves(PredictionInputs inputs, int lanes) =>
        Math.Ceiling(inputs.Items / (double)Math.Max(lanes, 1)) * (inputs.ItemMs + inputs.DispatchMs);

    /// <summary>Amdahl's law for the CPU part: the items' on-CPU time over at most as many cores as lanes.</summary>
    public static double Computing(PredictionInputs inputs, int lanes) =>
        inputs.Items * inputs.ItemCpuMs / Math.Max(Math.Min(lanes, inputs.Cores), 1);

    /// <summary>
    /// Lanes that grow as the thread pool injects threads: from its size at the start, one
    /// more every 1/PoolInjectionPerSecond seconds while all are busy, up to the workers asked.
    /// Each item goes to the lane that is free first.
    /// </summary>
    public static double GrowingPool(PredictionInputs inputs)
    {
        var lanes = Math.Min(inputs.Workers, inputs.Items);
        var start = Math.Clamp(inputs.PoolThreadsAtStart, 1, lanes);
        var freeAt = new PriorityQueue<double, double>();
        for (var lane = 0; lane < start; lane++)
            freeAt.Enqueue(0, 0);
        for (var lane = start; lane < lanes; lane++)
        {
            var created = (lane - start + 1) * 1000 / PoolInjectionPerSecond;
            freeAt.Enqueue(created, created);
        }

        var end = 0.0;
        for (var item = 0; item < inputs.Items; item++)
        {
            var free = freeAt.Dequeue();
            var done = free + inputs.ItemMs;
            end = Math.Max(end, done);
            freeAt.Enqueue(done, done);
        }

        return Math.Max(end, Computing(inputs, lanes));
    }
}
