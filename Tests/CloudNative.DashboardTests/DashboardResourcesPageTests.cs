using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace CloudNative.DashboardTests;

/// <summary>The dashboard's resources page in a real browser, signed in with the token link.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardResourcesPageTests(DashboardAppFixture fixture, ITestOutputHelper output)
{
    // The fixture already waited for every resource to be healthy; this only covers the page's render and live updates.
    private const float UiTimeoutMs = 30_000;

    private static readonly string s_artifactsDirectory = Path.Combine(AppContext.BaseDirectory, "artifacts");

    [Fact]
    public async Task EveryResourceIsShownRunningAndHealthy()
    {
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(UiTimeoutMs);

        try
        {
            // The login link sets the auth cookie and redirects to the resources page.
            await page.GotoAsync(fixture.DashboardLoginUrl.ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Resources", Exact = true }))
                .ToBeVisibleAsync(new() { Timeout = UiTimeoutMs });

            foreach (var resource in await DashboardNamesAsync())
            {
                // FluentDataGrid puts the row class on the <tr> and on each of its cells.
                var row = page.Locator("tr.resource-row").Filter(new()
                {
                    Has = page.Locator(".resource-name-text").GetByText(resource, new() { Exact = true }),
                });
                await Expect(row).ToHaveCountAsync(1, new() { Timeout = UiTimeoutMs });
                // The state cell reads exactly "Running" only when the resource is running and healthy; otherwise
                // the dashboard shows "Running (Unhealthy)", "Starting", "Waiting", ... (ResourceStateViewModel).
                await Expect(row.Locator(".state-column-cell > span").First)
                    .ToHaveTextAsync("Running", new() { Timeout = UiTimeoutMs });
            }
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            // What the page showed when the wait gave up; best effort, so a dead page cannot hide the real failure.
            try
            {
                output.WriteLine($"Failure screenshot: {await ScreenshotAsync(page, "dashboard-resources-failed.png")}");
            }
            catch (PlaywrightException screenshotFailure)
            {
                output.WriteLine($"No failure screenshot: {screenshotFailure.Message}");
            }
            foreach (var line in fixture.DashboardLog.Entries)
            {
                output.WriteLine($"dashboard: {line}");
            }
            throw;
        }

        output.WriteLine($"Screenshot: {await ScreenshotAsync(page, "dashboard-resources.png")}");
    }

    // Every resource's rows: a replicated one (the gateway) has a row per replica.
    private async Task<List<string>> DashboardNamesAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(UiTimeoutMs));
        var names = new List<string>();
        foreach (var resource in DashboardAppFixture.Resources)
        {
            names.AddRange(await fixture.DashboardNamesAsync(resource, timeout.Token));
        }
        return names;
    }

    private static async Task<string> ScreenshotAsync(IPage page, string fileName)
    {
        Directory.CreateDirectory(s_artifactsDirectory);
        var path = Path.Combine(s_artifactsDirectory, fileName);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
