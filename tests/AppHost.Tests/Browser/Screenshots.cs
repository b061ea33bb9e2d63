using Microsoft.Playwright;

namespace ConcurrencyLab.AppHost.Tests.Browser;

/// <summary>
/// Screenshots the browser tests take of the page's views. They land in the test output
/// folder, or in LAB_SCREENSHOTS when set (README's images are taken that way).
/// </summary>
public static class Screenshots
{
    public static Task TakeAsync(ILocator view, string name) =>
        view.ScreenshotAsync(new LocatorScreenshotOptions { Path = PathOf(name) });

    /// <summary>What the window shows, for pages taller than a screen.</summary>
    public static Task TakeAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = PathOf(name) });

    private static string PathOf(string name)
    {
        var folder = Environment.GetEnvironmentVariable("LAB_SCREENSHOTS") is { Length: > 0 } chosen
            ? chosen
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{name}.png");
    }
}
