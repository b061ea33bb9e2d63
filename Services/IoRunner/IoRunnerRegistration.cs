using ConcurrencyLab.Concurrency.Api;
using ConcurrencyLab.Concurrency.Engine;
using ConcurrencyLab.Concurrency.Runs;

namespace ConcurrencyLab.IoRunner;

public static class IoRunnerRegistration
{
    /// <summary>The probe's client: service discovery, and no resilience handler (it is timed).</summary>
    public const string SiteStubClient = "sitestub";

    public static WebApplicationBuilder AddIoRunner(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<IoRunnerOptions>()
            .BindConfiguration(IoRunnerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddLabEngine(IoRunnerOptions.Section);
        builder.Services.AddSingleton(services => new RunnerTelemetry(IoRunService.Source, "io.run", services.GetRequiredService<ServiceInstance>().Instance));
        builder.Services.AddSingleton<SiteStubLocator>();
        builder.Services.AddSingleton<IRunner, IoRunService>();
        builder.Services.AddMeasurementHttpClient(SiteStubClient)
            .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://sitestub"));
        return builder;
    }
}
