using System.Collections.Concurrent;
using Aspire.Hosting.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ConcurrencyLab.AppHost.Tests.Browser;

/// <summary>The gateway's API reference, as a user opens it: every service's document, nothing fetched from the internet.</summary>
[Collection(LabCollection.Name)]
public sealed class ApiReferenceTests(LabAppFixture lab, Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task TheReferenceListsTheRunnersEndpointsWithoutLeavingTheMachine()
    {
        Assert.SkipWhen(chromium.SkipReason is not null, chromium.SkipReason ?? "");
        var gateway = lab.App.GetEndpoint("gateway", "http");
        var outside = new ConcurrentBag<string>();
        var page = await chromium.OpenAsync(new Uri(gateway, "/api/reference/"), waitForTestId: null, prepare: context =>
            context.RouteAsync("**/*", route =>
            {
                var url = new Uri(route.Request.Url);
                if (url.IsLoopback)
                    return route.ContinueAsync();
                outside.Add(url.ToString());
                return route.AbortAsync();
            }).GetAwaiter().GetResult());
        try
        {
            // The first document (IoRunner) opens with its operations, by their summaries.
            await Expect(page.GetByText("Start one run").First).ToBeVisibleAsync();
            await Expect(page.GetByText("Every strategy at the same settings").First).ToBeVisibleAsync();
            await Expect(page.GetByText("A run as a Chrome trace (ui.perfetto.dev, chrome://tracing)").First).ToBeVisibleAsync();
            await Screenshots.TakeAsync(page, "api-reference");
            Assert.Empty(outside);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
