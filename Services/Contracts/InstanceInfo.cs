namespace ConcurrencyLab.Concurrency.Api;

/// <summary>GET /{w}/instance's answer: which replica (service.instance.id) and process answered.</summary>
public sealed record InstanceInfo(string Instance, int Pid);
