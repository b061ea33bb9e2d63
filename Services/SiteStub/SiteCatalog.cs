using Microsoft.Extensions.Options;

namespace ConcurrencyLab.SiteStub;

/// <summary>The configured sites and their prebuilt pages, by name (case-insensitive).</summary>
public sealed class SiteCatalog
{
    private readonly Dictionary<string, (SitePage Page, SiteDefinition Definition)> _sites;

    public SiteCatalog(IOptions<SiteStubOptions> options)
    {
        _sites = options.Value.Sites.ToDictionary(
            site => site.Key,
            site => (new SitePage(site.Key, site.Value.Title), site.Value),
            StringComparer.OrdinalIgnoreCase);
    }

    public IReadOnlyCollection<string> Names => _sites.Keys;

    public bool TryGet(string name, out SitePage page, out SiteDefinition definition)
    {
        if (_sites.TryGetValue(name, out var site))
        {
            (page, definition) = site;
            return true;
        }

        page = null!;
        definition = null!;
        return false;
    }
}
