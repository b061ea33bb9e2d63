namespace ConcurrencyLab.SiteStub;

public enum FailMode
{
    /// <summary>Answer with failStatus (default 503) after the latency.</summary>
    Status,

    /// <summary>Abort the connection after the latency: the client sees a reset.</summary>
    Reset,

    /// <summary>Answer nothing until the client gives up (or MaxHangMs passes).</summary>
    Hang,
}

/// <summary>One download as the caller asked for it, with the site's defaults filled in.</summary>
public sealed record SiteRequest(
    LatencyModel Latency,
    int? Seed,
    long SizeBytes,
    double? BandwidthKBps,
    double FailRate,
    FailMode FailMode,
    int FailStatus);
