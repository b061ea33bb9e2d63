using System.Text.Json;

namespace ConcurrencyLab.Testing;

/// <summary>A lab service's runtime settings, as its build wrote them (copied next to the test).</summary>
public static class RuntimeSettings
{
    /// <summary>Whether it runs Server GC, and its dynamic adaptation mode (DATAS: 1 on, 0 off, null unset).</summary>
    public static (bool ServerGc, int? DynamicAdaptationMode) GcOf(string service)
    {
        var path = Path.Combine(AppContext.BaseDirectory, $"{service}.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var settings = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        var serverGc = settings.TryGetProperty("System.GC.Server", out var server) && server.GetBoolean();
        int? adaptation = settings.TryGetProperty("System.GC.DynamicAdaptationMode", out var mode) ? mode.GetInt32() : null;
        return (serverGc, adaptation);
    }
}
