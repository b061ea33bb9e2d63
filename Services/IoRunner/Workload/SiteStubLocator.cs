using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.ServiceDiscovery;

namespace ConcurrencyLab.IoRunner;

/// <summary>
/// Finds SiteStub (configured URL, or "sitestub" through service discovery) and reads its
/// catalog. Every download goes to this one base address: IoRunner is not a proxy.
/// </summary>
public sealed class SiteStubLocator(IOptions<IoRunnerOptions> options, ServiceEndpointResolver resolver)
{
    private static readonly TimeSpan CatalogTimeout = TimeSpan.FromSeconds(10);

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
        using var client = SiteStubClients.Create(baseAddress);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CatalogTimeout);
        return await client.GetFromJsonAsync<SiteStubCatalog>("/sites", timeout.Token)
            ?? throw new InvalidOperationException("SiteStub answered an empty catalog.");
    }
}
