using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Named HttpClients whose timings the lab reports. They keep service discovery but lose
/// the standard resilience handler: a retry or a hedged request would be measured as one
/// slow download, and a resilience timeout would cut runs the caller set longer.
/// </summary>
public static class MeasurementHttpClient
{
    public static IHttpClientBuilder AddMeasurementHttpClient(this IServiceCollection services, string name)
    {
        // EXTEXP0001: RemoveAllResilienceHandlers is marked for evaluation; it is the
        // documented way to undo ConfigureHttpClientDefaults' handler for one client.
#pragma warning disable EXTEXP0001
        return services.AddHttpClient(name)
            .RemoveAllResilienceHandlers()
#pragma warning restore EXTEXP0001
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);
    }
}
