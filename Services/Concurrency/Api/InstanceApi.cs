using ConcurrencyLab.Concurrency.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>GET /{w}/instance: which replica and process answered (service.instance.id, pid).</summary>
public static class InstanceApi
{
    public static IEndpointRouteBuilder MapInstanceApi(this IEndpointRouteBuilder app, string prefix)
    {
        app.MapGet($"{prefix}/instance", (ServiceInstance identity) => TypedResults.Ok(new InstanceInfo(identity.Instance, identity.Pid)));
        return app;
    }
}
