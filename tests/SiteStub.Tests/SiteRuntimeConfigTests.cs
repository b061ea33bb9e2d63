using System.Text.Json;

namespace ConcurrencyLab.SiteStub.Tests;

public sealed class SiteRuntimeConfigTests
{
    [Fact]
    public void SiteStubCollectsGarbageWithServerGcWithoutDynamicAdaptation()
    {
        // The build copies SiteStub's runtime settings next to this test's own.
        var path = Path.Combine(AppContext.BaseDirectory, "SiteStub.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var settings = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");

        Assert.True(settings.GetProperty("System.GC.Server").GetBoolean());
        Assert.Equal(0, settings.GetProperty("System.GC.DynamicAdaptationMode").GetInt32());
    }
}
