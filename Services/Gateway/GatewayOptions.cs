namespace ConcurrencyLab.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary>Where the Aspire dashboard answers; the AppHost sets it.</summary>
    public string DashboardUrl { get; set; } = "http://localhost:18888";
}
