using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.CpuKernel;

namespace ConcurrencyLab.CpuRunner;

/// <summary>
/// The CPU-bound work: item i is the exact sum of squares below n = start + i, checked
/// against the closed form when reported.
/// </summary>
public sealed class SumSquaresWorkload(CpuRunPlan plan) : IWorkload
{
    private readonly CpuRunPlan _plan = plan;

    public string Name => "cpu";

    public string ItemSpanName => "cpu.sum_squares";

    public int ItemCount => _plan.Count;

    // A sum calls nothing out: the runner's span around the pipe round trip is the item's span,
    // and the worker starts no exporter (which would double its start-up).
    public bool WorkersTraceItems => false;

    public bool CountsBytes => false;

    public IWorkSession CreateSession() => new Session(_plan);

    public string DescribeForWorker(int index) => _plan.NumberOf(index).ToString(CultureInfo.InvariantCulture);

    /// <summary>The sequential kernel time spread over as many cores as the strategy can use.</summary>
    public double IdealMs(int concurrency) =>
        KernelSpeed.EstimateMs(Enumerable.Range(0, _plan.Count).Select(_plan.NumberOf))
        / Math.Max(1, Math.Min(concurrency, Environment.ProcessorCount));

    public object? Results(IReadOnlyList<(int Index, ItemOutcome Outcome)> outcomes) =>
        outcomes.Select(pair => new ItemResult(
            _plan.NumberOf(pair.Index),
            pair.Outcome.Value,
            pair.Outcome.Value is { } sum && sum == SumOfSquares.ClosedForm(_plan.NumberOf(pair.Index)).ToString(CultureInfo.InvariantCulture),
            pair.Outcome.WaitMs is { } wait ? Math.Round(wait, 3) : null)).ToList();

    public sealed record ItemResult(long N, string? Sum, bool Verified, double? LockWaitMs);

    private sealed class Session(CpuRunPlan plan) : IWorkSession
    {
        public ItemOutcome Run(int index, CancellationToken cancellationToken) =>
            Success(SumOfSquares.Compute(plan.NumberOf(index), cancellationToken));

        public async ValueTask<ItemOutcome> RunAsync(int index, CancellationToken cancellationToken) =>
            Success(await SumOfSquares.ComputeAsync(plan.NumberOf(index), cancellationToken));

        private static ItemOutcome Success(UInt128 sum) => ItemOutcome.Success(value: sum.ToString(CultureInfo.InvariantCulture));

        public void Dispose()
        {
        }
    }
}
