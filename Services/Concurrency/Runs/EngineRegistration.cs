using ConcurrencyLab.Concurrency.Engine;
using Microsoft.Extensions.DependencyInjection;

namespace ConcurrencyLab.Concurrency.Runs;

public static class EngineRegistration
{
    /// <summary>The engine's services, with its limits bound from the runner's configuration section.</summary>
    public static IServiceCollection AddLabEngine(this IServiceCollection services, string configurationSection)
    {
        services.AddOptions<EngineOptions>()
            .BindConfiguration(configurationSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ServiceInstance>();
        services.AddSingleton<LabMetrics>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunRegistry>();
        services.AddHostedService<RunShutdown>();
        return services;
    }
}
