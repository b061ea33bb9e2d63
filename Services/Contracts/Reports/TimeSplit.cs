using ConcurrencyLab.Concurrency.Engine;

namespace ConcurrencyLab.Concurrency.Reports;

/// <summary>
/// Where a run's item time went, summed over its items: on-CPU and waiting (off-CPU) over
/// the items whose thread or worker measured its CPU, and queued (waiting for a lane, a
/// worker or a pool thread) over all of them. Items no thread held (async) are counted
/// apart: their on-CPU time is not attributable per item.
/// </summary>
/// <param name="OffCpuShare">Waiting over on-CPU plus waiting, for the attributed items; null when none was.</param>
public sealed record TimeSplit(
    int Items,
    int AttributedItems,
    double OnCpuMs,
    double WaitingMs,
    double QueuedMs,
    double UnattributedMs,
    double? OffCpuShare)
{
    public static TimeSplit Of(IReadOnlyList<TimelineEntry> items)
    {
        var attributed = items.Where(item => item.OnCpuMs is not null).ToList();
        var onCpu = attributed.Sum(item => item.OnCpuMs!.Value);
        var waiting = attributed.Sum(item => item.WaitingMs!.Value);
        return new TimeSplit(items.Count, attributed.Count, Math.Round(onCpu, 3), Math.Round(waiting, 3),
            Math.Round(items.Sum(item => item.QueuedMs), 3),
            Math.Round(items.Where(item => item.OnCpuMs is null).Sum(item => item.DurationMs), 3),
            onCpu + waiting > 0 ? Math.Round(waiting / (onCpu + waiting), 4) : null);
    }

    /// <summary>One sentence: "93 % of item time off-CPU (…)", or why it cannot say.</summary>
    public string Describe()
    {
        if (OffCpuShare is not { } offCpu)
            return AttributedItems == 0 && Items > 0
                ? $"on-CPU time is not attributable per item: no thread held any of the {Items:N0} items (async)"
                : "no item finished";
        var text = FormattableString.Invariant($"{offCpu * 100:0.#} % of item time off-CPU ({WaitingMs:N0} ms waiting, {OnCpuMs:N0} ms on-CPU over {AttributedItems:N0} items)");
        if (AttributedItems < Items)
            text += FormattableString.Invariant($"; {Items - AttributedItems:N0} item{(Items - AttributedItems == 1 ? "" : "s")} not attributable (no thread held them)");
        return text + FormattableString.Invariant($"; queued for a lane {QueuedMs / Math.Max(Items, 1):N0} ms per item on average");
    }
}
