using Microsoft.Extensions.Configuration;

namespace ConcurrencyLab.Concurrency.Engine;

/// <summary>
/// Which instance (replica) of its service this process is: Aspire gives each replica its own service.instance.id
/// in OTEL_RESOURCE_ATTRIBUTES; outside Aspire the machine name and pid stand in.
/// </summary>
public sealed class ServiceInstance(IConfiguration configuration)
{
    public int Pid { get; } = Environment.ProcessId;

    public string Instance { get; } = FindInstanceId(configuration["OTEL_RESOURCE_ATTRIBUTES"])
        ?? $"{Environment.MachineName}-{Environment.ProcessId}";

    internal static string? FindInstanceId(string? resourceAttributes)
    {
        if (string.IsNullOrEmpty(resourceAttributes))
            return null;
        foreach (var pair in resourceAttributes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && pair[..equals] == "service.instance.id")
                return pair[(equals + 1)..];
        }

        return null;
    }
}
