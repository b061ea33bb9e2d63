namespace ConcurrencyLab.Gateway;

public static class GatewayRegistration
{
    public static WebApplicationBuilder AddLabGateway(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section);

        // Routes and clusters live in appsettings.json; destinations are service names
        // (http://iorunner) that service discovery resolves to the AppHost's endpoints.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }
}
