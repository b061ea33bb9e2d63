using Microsoft.AspNetCore.Http;

namespace ConcurrencyLab.Concurrency.Api;

/// <summary>Text tables for terminals: ?format=text, or an Accept header that prefers text/plain.</summary>
public static class ResponseFormat
{
    public static bool WantsText(HttpRequest request)
    {
        if (request.Query.TryGetValue("format", out var format))
            return string.Equals(format.ToString(), "text", StringComparison.OrdinalIgnoreCase);
        var accept = request.GetTypedHeaders().Accept;
        var best = accept.OrderByDescending(media => media.Quality ?? 1).FirstOrDefault();
        return best is not null && best.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>?timeline=false leaves the per-item timeline out of a report.</summary>
    public static bool WantsTimeline(HttpRequest request) =>
        !(request.Query.TryGetValue("timeline", out var value) && string.Equals(value.ToString(), "false", StringComparison.OrdinalIgnoreCase));

    /// <summary>?wait=true|false; anything else is a problem naming the parameter.</summary>
    public static bool TryWantsWait(HttpRequest request, out bool wait, out IResult? problem)
    {
        wait = false;
        problem = null;
        if (!request.Query.TryGetValue("wait", out var value))
            return true;
        if (value.Count == 1 && bool.TryParse(value[0], out wait))
            return true;
        problem = Problems.Field("wait", "wait must be true or false.");
        return false;
    }

    public static IResult Text(string text) => TypedResults.Text(text, "text/plain; charset=utf-8");
}
