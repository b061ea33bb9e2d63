using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ConcurrencyLab.Testing;

namespace ConcurrencyLab.AppHost.Tests;

/// <summary>Kills a worker process (a replica, a silo's replica) in the middle of a CPU run that sends it items.</summary>
internal static class MidRunKill
{
    /// <summary>
    /// Once the run has done 2 items, freezes the process, waits until the other lane has done
    /// 2 more (by then the frozen one's lane surely holds an item in flight), then kills it.
    /// </summary>
    public static async Task FreezeThenKillAsync(HttpClient coordinator, string? runId, int pid, TimeSpan within, CancellationToken cancellationToken)
    {
        await Eventually.HoldsAsync(async () => Done(await ReportAsync(coordinator, runId, cancellationToken)) >= 2, cancellationToken, within);
        using (var freeze = Process.Start("kill", ["-STOP", pid.ToString(CultureInfo.InvariantCulture)]))
            await freeze.WaitForExitAsync(cancellationToken);
        var doneWhenFrozen = Done(await ReportAsync(coordinator, runId, cancellationToken));
        await Eventually.HoldsAsync(async () => Done(await ReportAsync(coordinator, runId, cancellationToken)) >= doneWhenFrozen + 2, cancellationToken, within);
        using var process = Process.GetProcessById(pid);
        process.Kill();
    }

    public static async Task<JsonElement> ReportAsync(HttpClient client, string? runId, CancellationToken cancellationToken) =>
        await client.GetFromJsonAsync<JsonElement>($"/cpu/runs/{runId}?timeline=false", cancellationToken);

    private static int Done(JsonElement report) => report.GetProperty("progress").GetProperty("done").GetInt32();
}
