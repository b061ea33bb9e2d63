using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

/// <summary>
/// Dashboard commands for the experiments users repeat: each calls its service over HTTP,
/// as a curl would, and answers with what it ran and links to the traces.
/// </summary>
public static class LabCommands
{
    public const string IoCompare = "io-study-compare";
    public const string CpuCompare = "cpu-compare";
    public const string ResetStats = "sitestub-reset-stats";

    // Long enough for the study's IO compare: 160 downloads of about 290 ms, five times over.
    private static readonly TimeSpan CompareTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Runs a compare and answers with its stored id, each strategy's time and a link to its trace.</summary>
    public static IResourceBuilder<ProjectResource> WithCompareCommand(this IResourceBuilder<ProjectResource> runner,
        string name, string displayName, string path, string body, string dashboardUrl) =>
        runner.WithCommand(name, displayName, async context =>
        {
            using var client = new HttpClient { Timeout = CompareTimeout };
            using var response = await client.PostAsync(new Uri(new Uri(runner.GetEndpoint("http").Url), path),
                new StringContent(body, Encoding.UTF8, "application/json"), context.CancellationToken);
            var text = await response.Content.ReadAsStringAsync(context.CancellationToken);
            if (!response.IsSuccessStatusCode)
                return CommandResults.Failure($"{path} answered {(int)response.StatusCode}: {text}");
            using var report = JsonDocument.Parse(text);
            var id = report.RootElement.GetProperty("id").GetString();
            return CommandResults.Success($"Compare {id}: GET {path}s/{id}", Markdown(report.RootElement, path, dashboardUrl), CommandResultFormat.Markdown);
        }, Options($"POST {path} {body}", "Play"));

    /// <summary>POST /sites/stats/reset on SiteStub.</summary>
    public static IResourceBuilder<ProjectResource> WithResetStatsCommand(this IResourceBuilder<ProjectResource> siteStub) =>
        siteStub.WithCommand(ResetStats, "Reset stats", async context =>
        {
            using var client = new HttpClient();
            using var response = await client.PostAsync(new Uri(new Uri(siteStub.GetEndpoint("http").Url), "/sites/stats/reset"), null, context.CancellationToken);
            return response.IsSuccessStatusCode
                ? CommandResults.Success(string.Create(CultureInfo.InvariantCulture, $"SiteStub's stats reset at {DateTimeOffset.UtcNow:HH:mm:ss} UTC: GET /sites/stats counts from now."))
                : CommandResults.Failure($"SiteStub answered {(int)response.StatusCode}.");
        }, Options("POST /sites/stats/reset: served, faults and peak in flight start again from zero", "ArrowReset"));

    private static CommandOptions Options(string description, string icon) => new()
    {
        Description = description,
        IconName = icon,
        // Only a healthy (warmed-up) runner takes the request.
        UpdateState = context => context.ResourceSnapshot.HealthStatus == HealthStatus.Healthy ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
    };

    private static string Markdown(JsonElement report, string path, string dashboardUrl)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"**{report.GetProperty("workload").GetString()!.ToUpperInvariant()} compare `{report.GetProperty("id").GetString()}`**, stored: `GET {path}s/{report.GetProperty("id").GetString()}`");
        text.AppendLine();
        text.AppendLine("| strategy | wall ms | speedup | trace |");
        text.AppendLine("|---|---:|---:|---|");
        foreach (var row in report.GetProperty("rows").EnumerateArray())
        {
            var speedup = row.GetProperty("speedup") is { ValueKind: JsonValueKind.Number } value ? value.GetDouble().ToString("0.0#", CultureInfo.InvariantCulture) + "×" : "";
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.GetProperty("strategy").GetString()} ({row.GetProperty("workers").GetInt32()}) | {row.GetProperty("wallMs").GetDouble():N0} | {speedup} | [trace]({dashboardUrl.TrimEnd('/')}/traces/detail/{row.GetProperty("traceId").GetString()}) |");
        }

        text.AppendLine();
        foreach (var sentence in report.GetProperty("verdict").EnumerateArray().Take(2))
            text.AppendLine(CultureInfo.InvariantCulture, $"- {sentence.GetString()}");
        return text.ToString();
    }
}
