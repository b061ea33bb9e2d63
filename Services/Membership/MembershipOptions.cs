using System.ComponentModel.DataAnnotations;

namespace ConcurrencyLab.Membership;

/// <summary>Where the membership store listens (configuration section "Membership").</summary>
public sealed class MembershipOptions
{
    public const string Section = "Membership";

    /// <summary>The address to listen on: loopback in the lab; 0.0.0.0 in a cluster's pod (deploy/membership.yaml).</summary>
    public string Bind { get; set; } = "127.0.0.1";

    /// <summary>The Redis-protocol port; 5085 in the lab (the AppHost sets it).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5085;

    /// <summary>Memory for the store's log: the silos' rows are a few KiB.</summary>
    public string Memory { get; set; } = "64m";
}
