using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.AppHost.Tests.Browser;

/// <summary>
/// The lab page in a real browser, through the gateway of the running lab: a run from the
/// form with its progress and timeline, compare and sweep charts, validation messages.
/// Assertions count what Plotly drew (one SVG bar per item, per strategy).
/// </summary>
[Collection(LabCollection.Name)]
public sealed partial class LabPageTests(LabAppFixture lab, Chromium chromium) : IClassFixture<Chromium>, IAsyncDisposable
{
    private readonly List<IPage> _pages = [];

    static LabPageTests() => SetDefaultExpectTimeout(90_000);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ARunFromTheFormShowsProgressThenOneBarPerItemOnOneLanePerThread()
    {
        var page = await OpenLabAsync();
        // 1.5 s a download: "running" stays on screen for 3 s, long enough to be seen on a busy machine.
        await FillIoAsync(page, strategy: "threads", workers: "3", repeat: "3", latencyMs: "1500");

        await page.GetByTestId("run").ClickAsync();

        // 6 downloads on 3 threads: the first report says running, 0 of 6 done.
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("running");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync(ProgressOfSix());
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("completed");
        await Expect(page.GetByTestId("progress")).ToHaveTextAsync("6 / 6 items");
        var timeline = page.Locator("[data-chart=timeline]");
        // Beneath, the items' waits for a thread (the three later ones 1.5 s, the first ones the
        // threads' start); then the six items; on top, their on-CPU shares.
        await Expect(timeline.Locator(".legendtext")).ToHaveTextAsync(["queued", "ok", "on CPU"]);
        await Expect(page.GetByTestId("time-split")).ToContainTextAsync("% of item time off-CPU");
        await Expect(timeline.Locator(".barlayer .trace").Nth(1).Locator(".point")).ToHaveCountAsync(6);
        await Expect(timeline.Locator(".barlayer .trace").Nth(2).Locator(".point")).ToHaveCountAsync(6);
        await Expect(timeline.Locator(".ytick")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("trace-link")).ToHaveAttributeAsync("href", TraceUrl());
        // Beside it, the run as a Chrome trace file, downloaded through the gateway: one slice per item.
        var download = page.GetByTestId("run-panel").GetByTestId("download-trace");
        await Expect(download).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/io/runs/[0-9a-f]{12}/trace\\.json$"));
        var file = await page.APIRequest.GetAsync(new Uri(lab.App.GetEndpoint("gateway", "http"), await download.GetAttributeAsync("href")).ToString());
        using var trace = System.Text.Json.JsonDocument.Parse(await file.TextAsync());
        Assert.Equal(6, trace.RootElement.GetProperty("traceEvents").EnumerateArray().Count(e => e.TryGetProperty("cat", out var cat) && cat.GetString() == "item"));
        await Screenshots.TakeAsync(page.GetByTestId("run-panel"), "timeline");
    }

    [Fact]
    public async Task CancelStopsTheRunningRun()
    {
        var page = await OpenLabAsync();
        await FillIoAsync(page, strategy: "threads", workers: "2", repeat: "10", latencyMs: "5000");
        await page.GetByTestId("run").ClickAsync();
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("running");

        await page.GetByTestId("cancel").ClickAsync();

        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("cancelled");
        await Expect(page.GetByTestId("run")).ToBeEnabledAsync();
    }

    [Theory]
    [InlineData("io")]
    [InlineData("cpu")]
    public async Task CompareDrawsOneBarPerStrategyWithAVerdict(string workload)
    {
        var strategies = await StrategyCountAsync(workload);
        var page = await OpenLabAsync();
        if (workload == "io")
        {
            // 20 downloads of 300 ms: enough waiting that the runner process's own background
            // CPU (JIT, telemetry export) reads as small next to the sequential run's 6 s.
            await FillIoAsync(page, strategy: null, workers: "5", repeat: "10", latencyMs: "300");
        }
        else
        {
            await page.GetByTestId("workload-cpu").CheckAsync();
            // The switch re-renders the form (and resets workers): type once the CPU fields are there.
            await page.GetByTestId("start").WaitForAsync();
            await page.GetByTestId("workers").FillAsync("2");
            // 10× the study's sizes (n near 5·10^7): enough work per item that the cores show.
            await page.GetByTestId("start").FillAsync("50000000");
            await page.GetByTestId("count").FillAsync("20");
            // Three rounds: medians with their min–max, drawn as error bars.
            await page.GetByTestId("rounds").FillAsync("3");
        }

        await page.GetByTestId("compare").ClickAsync();

        await Expect(page.GetByTestId("series-busy")).ToBeVisibleAsync();
        if (workload == "io")
        {
            // 20 downloads one after another take 6 s: the watcher lists sequential meanwhile.
            await Expect(page.GetByTestId("series-runs").Locator("li").First).ToContainTextAsync("sequential (1): ");
        }

        var panel = await PanelOrProblemAsync(page, "compare-panel");
        await Expect(panel).ToHaveAttributeAsync("data-status", "completed");
        await Expect(panel.Locator("[data-chart=compare] .barlayer .point")).ToHaveCountAsync(strategies);
        await Expect(panel.Locator("tbody tr")).ToHaveCountAsync(strategies);
        // The verdict judges what it measured: a short CPU series on a busy machine can read as mixed.
        await Expect(panel.GetByTestId("verdict")).ToContainTextAsync(workload == "io" ? IoBound() : CpuBound());
        await Expect(panel.GetByTestId("verdict")).ToContainTextAsync(WinnerSentence());
        // Every strategy has a model: predicted from the sequential run, drawn beside each bar.
        await Expect(panel.GetByTestId("verdict")).ToContainTextAsync("Predicted against measured (from the sequential run's items");
        await Expect(panel.Locator("[data-chart=compare] .legendtext")).ToContainTextAsync(["wall time (s)", "ideal (s)", "predicted (s)"]);
        if (workload == "cpu")
        {
            await Expect(panel.GetByTestId("verdict")).ToContainTextAsync("medians over 3 rounds");
            await Expect(panel.Locator("[data-chart=compare] .errorbar")).ToHaveCountAsync(strategies);
            await Expect(panel.GetByTestId("wall").First).ToContainTextAsync("–");
        }

        await Screenshots.TakeAsync(panel, $"compare-{workload}");
    }

    [Fact]
    public async Task SweepDrawsMeasuredIdealEfficiencyTheStudysThreadsFiguresTheFittedLawAndThePredictions()
    {
        var page = await OpenLabAsync();
        await FillIoAsync(page, strategy: "threads", workers: null, repeat: "4", latencyMs: "100");
        await page.GetByTestId("worker-counts").FillAsync("2,4,8");

        await page.GetByTestId("sweep").ClickAsync();

        var panel = await PanelOrProblemAsync(page, "sweep-panel");
        await Expect(panel).ToHaveAttributeAsync("data-status", "completed");
        var chart = panel.Locator("[data-chart=sweep]");
        // measured, ideal, efficiency, study run 1, study run 2, the fitted law, Little's law and the probe's predictions
        await Expect(chart.Locator(".scatterlayer .trace")).ToHaveCountAsync(8);
        await Expect(chart.Locator(".legendtext")).ToContainTextAsync(["measured wall time (s)", "ideal (s)", "efficiency (right axis)",
            "study run 1 (s)", "study run 2 (s)", "USL fit (s)", "Little's law, no queueing (s)", "predicted (s)"]);
        await Expect(panel.GetByTestId("verdict")).ToContainTextAsync("Scaling (Universal Scalability Law fitted to 3 worker counts)");
        await Expect(panel.GetByTestId("verdict")).ToContainTextAsync("Predicted against measured (from a sequential probe of 6 items");
        await Expect(panel.Locator("tbody tr")).ToHaveCountAsync(3);
        await Screenshots.TakeAsync(panel, "sweep");
    }

    [Fact]
    public async Task AStoredCompareTaggedAsTheBaselineIsSetBesideTheNextOne()
    {
        var page = await OpenLabAsync();
        await FillIoAsync(page, strategy: null, workers: "5", repeat: "2", latencyMs: "50");
        await page.GetByTestId("rounds").FillAsync("3");
        await page.GetByTestId("compare").ClickAsync();
        var first = await PanelOrProblemAsync(page, "compare-panel");
        await Expect(first).ToHaveAttributeAsync("data-status", "completed");

        // The stored list shows it first once refreshed; tag it.
        var stored = page.GetByTestId("stored-panel");
        await stored.GetByTestId("stored-refresh").ClickAsync();
        await stored.GetByTestId("stored-row").First.GetByTestId("tag-baseline").ClickAsync();
        await Expect(stored.GetByTestId("stored-row").First.GetByTestId("stored-tags")).ToHaveTextAsync("baseline");

        await page.GetByTestId("against-baseline").CheckAsync();
        await page.GetByTestId("compare").ClickAsync();

        // A new compare panel, with two bars per strategy (baseline, this one) and the verdict on change.
        var panel = page.GetByTestId("compare-panel");
        await Expect(panel.GetByTestId("verdict")).ToContainTextAsync("Against baseline");
        await Expect(panel.Locator("[data-chart=change] .barlayer .trace")).ToHaveCountAsync(2);
        await Expect(panel.Locator("[data-chart=change] .legendtext")).ToHaveTextAsync(["baseline (s)", "this one (s)"]);
        await Screenshots.TakeAsync(panel, "compare-baseline");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("many")]
    [InlineData("100000")]
    public async Task BadInputShowsTheRunnersMessageNamingTheField(string workers)
    {
        var page = await OpenLabAsync();
        await page.GetByTestId("workers").FillAsync(workers);

        await page.GetByTestId("run").ClickAsync();

        var problem = page.GetByTestId("problem");
        await Expect(problem).ToContainTextAsync("400");
        await Expect(problem).ToContainTextAsync("workers");
        await Expect(page.GetByTestId("run-panel")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ABadSweepShowsTheRunnersMessageAndRunsNothing()
    {
        var page = await OpenLabAsync();
        await FillIoAsync(page, strategy: "threads", workers: null, repeat: "2", latencyMs: "100");
        await page.GetByTestId("worker-counts").FillAsync("2,lots");

        await page.GetByTestId("sweep").ClickAsync();

        var problem = page.GetByTestId("problem");
        await Expect(problem).ToContainTextAsync("400");
        await Expect(problem).ToContainTextAsync("workerCounts");
        await Expect(page.GetByTestId("sweep-panel")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("sweep")).ToBeEnabledAsync();
    }

    private async Task<IPage> OpenLabAsync()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var page = await chromium.OpenAsync(lab.App.GetEndpoint("gateway", "http"));
        _pages.Add(page);
        return page;
    }

    // Each test's browser context closes with it: no page's circuit outlives its test.
    public async ValueTask DisposeAsync()
    {
        foreach (var page in _pages)
            await page.Context.CloseAsync();
    }

    private static async Task FillIoAsync(IPage page, string? strategy, string? workers, string repeat, string latencyMs)
    {
        if (strategy is not null)
            await page.GetByTestId("strategy").SelectOptionAsync(strategy);
        if (workers is not null)
            await page.GetByTestId("workers").FillAsync(workers);
        await page.GetByTestId("repeat").FillAsync(repeat);
        await page.GetByTestId("latency").FillAsync(latencyMs);
    }

    // Waits for the panel, failing with the runner's own words if it refused instead.
    private static async Task<ILocator> PanelOrProblemAsync(IPage page, string panel)
    {
        var shown = page.GetByTestId(panel).Or(page.GetByTestId("problem"));
        await Expect(shown).ToBeVisibleAsync();
        var problem = page.GetByTestId("problem");
        if (await problem.IsVisibleAsync())
            Assert.Fail($"The runner refused: {await problem.InnerTextAsync()}");
        return page.GetByTestId(panel);
    }

    private async Task<int> StrategyCountAsync(string workload)
    {
        using var gateway = lab.CreateClient("gateway");
        using var strategies = await gateway.GetFromJsonAsync<JsonDocument>($"/{workload}/strategies", Cancel);
        return strategies!.RootElement.GetArrayLength();
    }

    [GeneratedRegex(@"^[0-5] / 6 items$")]
    private static partial Regex ProgressOfSix();

    [GeneratedRegex(@"/traces/detail/[0-9a-f]{32}$")]
    private static partial Regex TraceUrl();

    [GeneratedRegex("The work is IO-bound")]
    private static partial Regex IoBound();

    [GeneratedRegex("The work is (CPU-bound|mixed)")]
    private static partial Regex CpuBound();

    [GeneratedRegex(@"won: .*× faster than sequential|was fastest")]
    private static partial Regex WinnerSentence();
}
