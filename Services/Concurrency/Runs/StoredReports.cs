using System.Text.Json;
using ConcurrencyLab.Concurrency.Reports;

namespace ConcurrencyLab.Concurrency.Runs;

/// <summary>Reports as the run store keeps them: the API's JSON, with the fields its lists filter on.</summary>
public static class StoredReports
{
    public const string RunKind = "run";
    public static readonly IReadOnlyList<string> SeriesKinds = ["compare", "sweep"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static StoredEntry Entry(RunReport report) =>
        new(report.Id, RunKind, report.Workload, report.Strategy, report.Status, report.StartedAt, report.WallMs, JsonSerializer.Serialize(report, Json));

    public static StoredEntry Entry(ComparisonReport report) =>
        new(report.Id!, report.Kind, report.Workload, report.Rows.Select(row => row.Strategy).Distinct().Count() == 1 ? report.Rows[0].Strategy : null,
            report.Status, report.StartedAt ?? DateTimeOffset.UtcNow, report.Rows.Sum(row => row.WallMs), JsonSerializer.Serialize(report, Json));

    public static RunReport Run(StoredEntry entry) => JsonSerializer.Deserialize<RunReport>(entry.ReportJson, Json)! with { Stored = true, Tags = entry.Tags };

    public static ComparisonReport Series(StoredEntry entry) => JsonSerializer.Deserialize<ComparisonReport>(entry.ReportJson, Json)! with { Stored = true, Tags = entry.Tags };
}
