using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// Finds SiteStub (configured URL, or "sitestub" through service discovery) and reads its
/// catalog. Every download goes to this one base address: IoRunner is not a proxy.
/// </summary>
public sealed class SiteStubLocator(IOptions<IoRunnerOptions> options, ServiceEndpointResolver resolver) : IDisposable
{
    private static readonly TimeSpan CatalogTimeout = TimeSpan.FromSeconds(10);

    // One client for the catalog and the checks, so a burst of requests reuses its connections.
    private readonly Lock _clientLock = new();
    private HttpClient? _client;

    public async Task<Uri> BaseAddressAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SiteStubUrl))
            return new Uri(options.Value.SiteStubUrl);
        var source = await resolver.GetEndpointsAsync("http://sitestub", cancellationToken);
        var endpoint = source.Endpoints.FirstOrDefault()?.EndPoint
            ?? throw new InvalidOperationException("Service discovery found no endpoint for sitestub.");
        return endpoint switch
        {
            UriEndPoint uri => uri.Uri,
            DnsEndPoint dns => new Uri($"http://{dns.Host}:{dns.Port}"),
            IPEndPoint ip => new Uri($"http://{ip}"),
            _ => throw new InvalidOperationException($"Cannot use endpoint {endpoint} for sitestub."),
        };
    }

    public async Task<SiteStubCatalog> CatalogAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CatalogTimeout);
        return await ClientFor(baseAddress).GetFromJsonAsync<SiteStubCatalog>("/sites", timeout.Token)
            ?? throw new InvalidOperationException("SiteStub answered an empty catalog.");
    }

    /// <summary>
    /// SiteStub's own verdict on a download's query (GET /sites/{site}/check): nothing when
    /// it would serve it, else its errors by parameter, as its 400 names them.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, string[]>> CheckAsync(Uri baseAddress, string site, string query, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CatalogTimeout);
        using var response = await ClientFor(baseAddress).GetAsync($"/sites/{Uri.EscapeDataString(site)}/check?{query}", timeout.Token);
        if (response.IsSuccessStatusCode)
            return new Dictionary<string, string[]>();
        if (response.StatusCode == HttpStatusCode.BadRequest
            && await response.Content.ReadFromJsonAsync<RefusedParameters>(timeout.Token) is { Errors: { } errors })
            return errors;
        throw new InvalidOperationException($"SiteStub answered {(int)response.StatusCode} to a parameter check.");
    }

    public void Dispose() => _client?.Dispose();

    private HttpClient ClientFor(Uri baseAddress)
    {
        lock (_clientLock)
        {
            // Service discovery may move SiteStub; a client keeps the address it was made for.
            // The old one is not disposed under requests still using it: its pooled
            // connections close after their idle timeout.
            if (_client?.BaseAddress != baseAddress)
                _client = SiteStubClients.Create(baseAddress);

            return _client;
        }
    }

    private sealed record RefusedParameters(Dictionary<string, string[]>? Errors);
}
