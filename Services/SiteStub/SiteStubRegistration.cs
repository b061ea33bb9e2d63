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
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SiteCatalog>();
        builder.Services.AddSingleton<SiteStats>();
        builder.Services.AddSingleton<SiteStubTelemetry>();
        builder.Services.AddSingleton(services => new FifoGate(services.GetRequiredService<IOptions<SiteStubOptions>>().Value.MaxConcurrent));
        builder.Services.AddSingleton<SiteResponder>();
        return builder;
    }
}
