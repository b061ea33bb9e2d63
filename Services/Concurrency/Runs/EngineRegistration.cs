using ConcurrencyLab.Concurrency.Engine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

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
        services.AddSingleton<RunnerWarmUp>();
        services.AddHostedService(provider => provider.GetRequiredService<RunnerWarmUp>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(RunnerWarmUp.HealthCheckName,
            provider => provider.GetRequiredService<RunnerWarmUp>(), HealthStatus.Unhealthy, tags: []));
        return services;
    }
}
