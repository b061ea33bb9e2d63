using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Runs;

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
        builder.Services.AddLabEngine(CpuRunnerOptions.Section);
        builder.Services.AddSingleton<IRunner, CpuRunService>();
        return builder;
    }
}
