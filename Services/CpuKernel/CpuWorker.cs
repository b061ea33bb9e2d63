using System.Diagnostics;
using System.Globalization;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Workers;

namespace ConcurrencyLab.CpuKernel;

/// <summary>
/// A CPU worker process (processes strategy): sums the n it is sent. It runs as
/// `CpuRunner --lab-worker`, or natively compiled as Services/CpuWorker: both reference
/// this project. It exports no telemetry: the runner's span around each round trip is the item's
/// span (SumSquaresWorkload.WorkersTraceItems), and an exporter would double its start-up.
/// </summary>
public static class CpuWorker
{
    public const string Argument = "--lab-worker";

    public static async Task<int> RunAsync()
    {
        using var untraced = new ActivitySource("ConcurrencyLab.CpuWorker");
        return await WorkerLoop.RunAsync(untraced, "cpu.sum_squares",
            (payload, cancellationToken) =>
            {
                var sum = SumOfSquares.Compute(long.Parse(payload, CultureInfo.InvariantCulture), cancellationToken);
                return Task.FromResult(ItemOutcome.Success(value: sum.ToString(CultureInfo.InvariantCulture)));
            },
            Console.In, Console.Out);
    }
}
