using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// The IO-bound work: item i downloads sites[i % sites] from SiteStub with the run's
/// SiteStub parameters (the seed, when given, becomes seed + i, so every item draws its
/// own reproducible latency).
/// </summary>
public sealed class DownloadWorkload(IoRunPlan plan, Uri siteStub) : IWorkload
{
    private readonly IoRunPlan _plan = plan;

    public string Name => "io";

    public string ItemSpanName => "io.download";

    public int ItemCount => _plan.Items;

    // A download's HttpClient span must parent SiteStub's server span: the worker traces it.
    public bool WorkersTraceItems => true;

    public bool CountsBytes => true;

    public int? ServerMaxConcurrent => _plan.ServerMaxConcurrent;

    public Uri SiteStub { get; } = siteStub;

    public IoRunPlan Plan => _plan;

    public string PathOf(int index) => _plan.PathOf(index);

    public IWorkSession CreateSession() => new DownloadSession(this);

    public string DescribeForWorker(int index) => PathOf(index);

    public double IdealMs(int concurrency) =>
        Math.Ceiling(_plan.Items / (double)Math.Max(1, concurrency)) * _plan.ExpectedItemMs;

    public object? Results(IReadOnlyList<(int Index, ItemOutcome Outcome)> outcomes) => null;

    /// <summary>One HttpClient: a worker's own, or one shared by all (HttpClient is thread-safe).</summary>
    private sealed class DownloadSession : IWorkSession
    {
        private readonly DownloadWorkload _workload;
        private readonly HttpClient _client;
        private readonly Downloader _downloader;

        public DownloadSession(DownloadWorkload workload)
        {
            _workload = workload;
            _client = SiteStubClients.Create(workload.SiteStub, workload.Plan.Settings.MaxConnections);
            _downloader = new Downloader(_client, workload.Plan.Timeout);
        }

        public ItemOutcome Run(int index, CancellationToken cancellationToken) =>
            _downloader.Download(_workload.PathOf(index), cancellationToken);

        public ValueTask<ItemOutcome> RunAsync(int index, CancellationToken cancellationToken) =>
            _downloader.DownloadAsync(_workload.PathOf(index), cancellationToken);

        public void Dispose() => _client.Dispose();
    }
}
