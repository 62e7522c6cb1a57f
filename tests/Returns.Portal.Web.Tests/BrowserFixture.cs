using Microsoft.Playwright;

namespace Returns.Portal.Web.Tests;

/// <summary>
/// One headless Debian Chromium for a test class, driven by Playwright; no browser is downloaded. Without
/// <c>/usr/bin/chromium</c> every test of the class fails with the reason: CI installs it, so a missing browser is a broken
/// machine, not a test to skip.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        // CI runs every test project at once on two cores: a first request can take seconds. Waiting is not asserting
        // time; a broken flow still fails, only later.
        Assertions.SetDefaultExpectTimeout(30_000);
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // CI runs as root, where Chromium refuses its sandbox. The portal's iframe runs in the shop page's process
            // (as on Android, which does not isolate every site): with an out-of-process iframe, headless Chromium keeps
            // routing clicks by stale hit-test data after a full-page screenshot of an emulated phone, and the clicks
            // land on the shop's <iframe> element. Origins, CSP frame-ancestors and postMessage checks are the same.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-site-isolation-trials", "--disable-features=IsolateOrigins,site-per-process"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A phone (390×844, touch) or a desktop (1366×900) browser context in <paramref name="language"/>.</summary>
    public static BrowserNewContextOptions Device(string size, string language) => size == "phone"
        ? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = language }
        : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = language };
}

/// <summary>Saves a full-page screenshot of each step as a test artifact and attaches it to the test result.</summary>
internal sealed class Screenshots(IPage page, string test, Func<Task>? settle = null)
{
    private int _step;

    /// <summary>
    /// Where screenshots go: <c>$RETURNS_TEST_ARTIFACTS/screenshots/&lt;test&gt;/&lt;nn-step&gt;.png</c> (.ci/run sets it),
    /// else <c>artifacts/screenshots/…</c> next to the test binaries.
    /// </summary>
    public static string Root =>
        Path.Combine(Environment.GetEnvironmentVariable("RETURNS_TEST_ARTIFACTS") is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    public async Task TakeAsync(string step)
    {
        if (settle is not null)
        {
            await settle();
        }

        await SaveAsync(step);

        // A full-page screenshot resizes the page for a moment; with the portal in an out-of-process iframe, a click sent
        // before both documents have laid out and painted again can land at the old position and be lost.
        if (settle is not null)
        {
            await settle();
        }
    }

    /// <summary>Runs a test's steps; when one fails, the page as it was then is saved as the last step before the failure is reported.</summary>
    public async Task RunAsync(Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            try
            {
                await SaveAsync("failed");
            }
            catch (PlaywrightException)
            {
                // The page is gone; the failure itself says more than a missing screenshot.
            }

            throw;
        }
    }

    private async Task SaveAsync(string step)
    {
        var folder = Path.Combine(Root, test);
        Directory.CreateDirectory(folder);
        var name = $"{++_step:00}-{step}.png";
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        TestContext.Current.AddAttachment($"{test}/{name}", bytes, "image/png");
    }
}
