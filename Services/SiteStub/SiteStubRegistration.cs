using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConcurrencyLab.SiteStub;

public static class SiteStubRegistration
{
    public static WebApplicationBuilder AddSiteStub(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<SiteStubOptions>()
            .BindConfiguration(SiteStubOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteCatalog>();
        builder.Services.AddSingleton<SiteStats>();
        builder.Services.AddSingleton<SiteStubTelemetry>();
        builder.Services.AddSingleton(services => new FifoGate(services.GetRequiredService<IOptions<SiteStubOptions>>().Value.MaxConcurrent));
        builder.Services.AddSingleton<SiteResponder>();

        // A burst of thousands of connections overflows Kestrel's default accept backlog
        // (512); the client would then see SYN retries of a second or more, not the stub.
        // Read here, before the options exist: the socket transport is set up with the host.
        var options = builder.Configuration.GetSection(SiteStubOptions.Section).Get<SiteStubOptions>() ?? new SiteStubOptions();
        builder.WebHost.UseSockets(sockets => sockets.Backlog = options.Backlog);
        return builder;
    }
}
