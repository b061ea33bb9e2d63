namespace ConcurrencyLab.IoRunner;

/// <summary>
/// How long one download should take with nothing in the way: SiteStub's configured
/// latency (asked, from the profile, or the sites' own), plus the body's time at the asked
/// bandwidth. The ideal time of a run is built from it.
/// </summary>
public static class ExpectedDownload
{
    public static double Ms(SiteStubCatalog catalog, IoRunRequest request, IReadOnlyList<string> sites)
    {
        var known = sites.Select(catalog.Find).OfType<SiteStubCatalog.Site>().ToList();
        if (known.Count == 0)
            return 0;
        var profile = request.Profile is not null ? catalog.Profiles.GetValueOrDefault(request.Profile) : null;
        var latency = request.LatencyMs ?? profile?.LatencyMs ?? known.Average(site => site.LatencyMs);
        if (request.BandwidthKBps is not { } bandwidth || bandwidth <= 0)
            return latency;
        var size = request.SizeBytes ?? known.Average(site => (double)site.SizeBytes);
        return latency + size / (bandwidth * 1024) * 1000;
    }
}
