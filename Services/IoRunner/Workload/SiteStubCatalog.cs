namespace ConcurrencyLab.IoRunner;

/// <summary>SiteStub's GET /sites answer: the only sites IoRunner will download from, and how many it serves at once (0: no cap).</summary>
public sealed record SiteStubCatalog(
    IReadOnlyList<SiteStubCatalog.Site> Sites,
    IReadOnlyDictionary<string, SiteStubCatalog.Profile> Profiles,
    long MaxSizeBytes,
    int MaxLatencyMs,
    int MaxConcurrent = 0)
{
    public sealed record Site(string Name, long SizeBytes, double LatencyMs, string Dist, double JitterMs);

    public sealed record Profile(double LatencyMs, string Dist, double JitterMs);

    public Site? Find(string name) => Sites.FirstOrDefault(site => site.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
