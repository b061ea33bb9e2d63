namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// What a prediction of a run's wall time starts from: the sequential run's items (their
/// time and the CPU share of it), the machine, and what the strategy gets.
/// </summary>
/// <param name="ItemMs">One item's time alone (the sequential run's mean).</param>
/// <param name="ItemCpuMs">The on-CPU part of it (the sequential run's mean).</param>
/// <param name="PoolThreadsAtStart">The thread pool's size when the run began.</param>
/// <param name="WorkerStartupMs">The strategy's start-up per run (worker processes, replica connections) as this runner recently measured it; null before any.</param>
/// <param name="DispatchMs">The strategy's time to send an item to a worker process or replica and read the answer, as last measured by this runner.</param>
/// <param name="ItemTimesMs">Each item's time alone, by index (the sequential run's timeline); null: every item takes ItemMs.</param>
/// <param name="MaxOnTheWire">The most items that can be on the wire at once: the shared HttpClient's connections or the server's MaxConcurrent, the lower; null: no cap.</param>
public sealed record PredictionInputs(
    int Items,
    int Workers,
    int? MaxConcurrency,
    double ItemMs,
    double ItemCpuMs,
    int Cores,
    int PoolThreadsAtStart,
    double? WorkerStartupMs,
    double DispatchMs = 0,
    IReadOnlyList<double>? ItemTimesMs = null,
    int? MaxOnTheWire = null)
{
    /// <summary>Item i's own time: as the sequential run measured it where known, else the mean.</summary>
    public double ItemTime(int index) => ItemTimesMs is { Count: > 0 } times ? times[index % times.Count] : ItemMs;
}

/// <summary>
/// The arithmetic the strategies' predictions share: Little's law for overlapped waits
/// (L lanes take the items in turn, each lane the next item as it comes free) and Amdahl's
/// law for the CPU share (the on-CPU parts, and each item's dispatch, spread over at most
/// as many cores as lanes). Item times are the sequential run's own, item by item: a wave
/// of 160 downloads lasts as long as its slowest, not the mean.
/// </summary>
public static class Prediction
{
    /// <summary>The .NET thread pool's injection rate when every pool thread is blocked: about 2 threads a second.</summary>
    public const double PoolInjectionPerSecond = 2;

    /// <summary>L lanes taking items from one queue: the longer of the waves and the CPU work spread over the cores.</summary>
    public static double Lanes(PredictionInputs inputs, int lanes) => Math.Max(Waves(inputs, lanes), Computing(inputs, lanes));

    /// <summary>
    /// Little's law: L lanes (no more than the connections, where capped) take the items in
    /// order, each the next item as it comes free; each item takes its own time and its dispatch.
    /// </summary>
    public static double Waves(PredictionInputs inputs, int lanes)
    {
        lanes = Math.Clamp(Math.Min(lanes, inputs.MaxOnTheWire ?? int.MaxValue), 1, Math.Max(inputs.Items, 1));
        if (inputs.ItemTimesMs is null)
            return Math.Ceiling(inputs.Items / (double)lanes) * (inputs.ItemMs + inputs.DispatchMs);
        var freeAt = new PriorityQueue<double, double>();
        for (var lane = 0; lane < lanes; lane++)
            freeAt.Enqueue(0, 0);
        return TakeInTurn(inputs, freeAt);
    }

    /// <summary>Amdahl's law for the CPU part: the items' on-CPU time and their dispatch over at most as many cores as lanes.</summary>
    public static double Computing(PredictionInputs inputs, int lanes) =>
        inputs.Items * (inputs.ItemCpuMs + inputs.DispatchMs) / Math.Max(Math.Min(lanes, inputs.Cores), 1);

    /// <summary>
    /// Lanes that grow as the thread pool injects threads: from its size at the start, one
    /// more every 1/PoolInjectionPerSecond seconds while all are busy, up to the workers asked.
    /// Each item goes to the lane that is free first.
    /// </summary>
    public static double GrowingPool(PredictionInputs inputs)
    {
        var lanes = Math.Min(Math.Min(inputs.Workers, inputs.Items), inputs.MaxOnTheWire ?? int.MaxValue);
        var start = Math.Clamp(inputs.PoolThreadsAtStart, 1, lanes);
        var freeAt = new PriorityQueue<double, double>();
        for (var lane = 0; lane < start; lane++)
            freeAt.Enqueue(0, 0);
        for (var lane = start; lane < lanes; lane++)
        {
            var created = (lane - start + 1) * 1000 / PoolInjectionPerSecond;
            freeAt.Enqueue(created, created);
        }

        return Math.Max(TakeInTurn(inputs, freeAt), Computing(inputs, lanes));
    }

    // Each item, in order, goes to the lane that comes free first: the last to end ends the run.
    private static double TakeInTurn(PredictionInputs inputs, PriorityQueue<double, double> freeAt)
    {
        var end = 0.0;
        for (var item = 0; item < inputs.Items; item++)
        {
            var done = freeAt.Dequeue() + inputs.ItemTime(item) + inputs.DispatchMs;
            end = Math.Max(end, done);
            freeAt.Enqueue(done, done);
        }

        return end;
    }
}
