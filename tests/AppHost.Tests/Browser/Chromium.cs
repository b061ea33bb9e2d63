using Microsoft.Playwright;

namespace ConcurrencyLab.AppHost.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright, started once per test class. Never a
/// downloaded browser: where /usr/bin/chromium is absent (`.ci/run` installs it with apt),
/// the browser tests report skipped with the reason.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    // LAB_CHROMIUM points elsewhere (or nowhere, to see the skip); Debian's by default.
    public static readonly string ExecutablePath =
        Environment.GetEnvironmentVariable("LAB_CHROMIUM") is { Length: > 0 } chosen ? chosen : "/usr/bin/chromium";

    // Without the networking flags Chromium keeps calling Google's hosts, which this closed
    // network refuses; no sandbox because CI runs as root.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? SkipReason { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            SkipReason = $"{ExecutablePath} is not installed (apt-get install -y chromium; .ci/run does it).";
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }

    /// <summary>A fresh browser context on the lab page, once its form is live.</summary>
    /// <summary>Opens the page in a fresh context and waits for the element with this test id (the lab page's form by default; null: none).</summary>
    public async Task<IPage> OpenAsync(Uri page, string? waitForTestId = "run-form", Action<IBrowserContext>? prepare = null)
    {
        var browser = _browser ?? throw new InvalidOperationException(SkipReason);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000);
        prepare?.Invoke(context);
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(page.ToString());
        if (waitForTestId is not null)
            await tab.GetByTestId(waitForTestId).WaitForAsync();
        return tab;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
