using System.Diagnostics;
using System.Globalization;

namespace ConcurrencyLab.Bench;

/// <summary>
/// SiteStub's own overhead: N concurrent downloads with latencyMs=100 from a real client
/// in another process on loopback; overhead = client-observed time minus the 100 ms the
/// stub was told to wait. Also the stub's thread count, to show waits hold no thread.
/// </summary>
public static class SiteStubOverhead
{
    private const double LatencyMs = 100;
    private static readonly int[] DefaultConcurrencies = [1, 100, 1_000, 10_000];

    public static async Task<int> RunAsync(IReadOnlyList<int> concurrencies)
    {
        await using var stub = await ServerProcess.StartAsync(RepoPaths.Service("SiteStub"), port: 5183);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
        })
        {
            BaseAddress = stub.Address,
            Timeout = TimeSpan.FromSeconds(60),
        };

        Console.WriteLine($"SiteStub overhead at latencyMs={LatencyMs}; {Environment.ProcessorCount} cores; stub pid {stub.Pid}, idle threads {stub.ThreadCount()}");
        Console.WriteLine("| concurrent | requests | p50 overhead ms | p99 overhead ms | max overhead ms | stub threads (max) | stub CPU µs/request | client CPU µs/request |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var concurrency in concurrencies.Count > 0 ? concurrencies : DefaultConcurrencies)
        {
            // Warm-up rounds open the connections and let the JIT tier up; they are not counted.
            for (var warm = 0; warm < Math.Max(1, 300 / concurrency); warm++)
                await RoundAsync(client, concurrency);
            var rounds = Math.Max(3, 2_000 / concurrency);
            var overheads = new List<double>();
            var maxThreads = 0;
            var stubCpuBefore = stub.CpuTime();
            var clientCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            for (var round = 0; round < rounds; round++)
            {
                using var sampler = new ThreadSampler(stub);
                overheads.AddRange(await RoundAsync(client, concurrency));
                maxThreads = Math.Max(maxThreads, sampler.Stop());
            }

            var stubCpu = (stub.CpuTime() - stubCpuBefore).TotalMicroseconds / overheads.Count;
            var clientCpu = (Process.GetCurrentProcess().TotalProcessorTime - clientCpuBefore).TotalMicroseconds / overheads.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {concurrency:N0} | {overheads.Count:N0} | {Percentiles.Of(overheads, 50):F2} | {Percentiles.Of(overheads, 99):F2} | {overheads.Max():F2} | {maxThreads} | {stubCpu:F0} | {clientCpu:F0} |"));
        }

        return 0;
    }

    private static async Task<double[]> RoundAsync(HttpClient client, int concurrency)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var downloads = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await start.Task;
            var started = Stopwatch.GetTimestamp();
            var body = await client.GetByteArrayAsync($"/sites/dice?latencyMs={LatencyMs}");
            if (body.Length != 512)
                throw new InvalidDataException($"expected 512 bytes, got {body.Length}");
            return Stopwatch.GetElapsedTime(started).TotalMilliseconds - LatencyMs;
        }).ToArray();
        start.SetResult();
        return await Task.WhenAll(downloads);
    }

    /// <summary>Samples the stub's thread count every 20 ms until stopped.</summary>
    private sealed class ThreadSampler : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<int> _sampling;

        public ThreadSampler(ServerProcess process)
        {
            _sampling = Task.Run(async () =>
            {
                var max = process.ThreadCount();
                while (!_stop.IsCancellationRequested)
                {
                    max = Math.Max(max, process.ThreadCount());
                    try
                    {
                        await Task.Delay(20, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }

                return max;
            });
        }

        public int Stop()
        {
            _stop.Cancel();
            return _sampling.GetAwaiter().GetResult();
        }

        public void Dispose() => _stop.Dispose();
    }
}
