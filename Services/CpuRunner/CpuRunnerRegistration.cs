using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
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
        builder.Services.AddSingleton(services => new RunnerTelemetry(CpuRunService.Source, "cpu.run", services.GetRequiredService<ServiceInstance>().Instance));
        builder.Services.AddSingleton<IRunner, CpuRunService>();
        builder.AddCpuSilo();
        return builder;
    }
}
