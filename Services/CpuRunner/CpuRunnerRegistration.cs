using ConcurrencyLab.Concurrency.Engine;
namespace ConcurrencyLab.CpuRunner;

public static class CpuRunnerRegistration
{
    public static WebApplicationBuilder AddCpuRunner(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<CpuRunnerOptions>()
            .BindConfiguration(CpuRunnerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<ServiceInstance>();
        return builder;
    }
}
