namespace ConcurrencyLab.IoRunner;

public static class IoRunnerRegistration
{
    /// <summary>The measurement client's name; its base address is SiteStub, found by service discovery.</summary>
    public const string SiteStubClient = "sitestub";

    public static WebApplicationBuilder AddIoRunner(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddMeasurementHttpClient(SiteStubClient)
            .ConfigureHttpClient(client => client.BaseAddress = new Uri("http://sitestub"));
        return builder;
    }
}
