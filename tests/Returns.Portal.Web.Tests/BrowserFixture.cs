using Microsoft.Playwright;

namespace Returns.Portal.Web.Tests;

/// <summary>One headless Debian Chromium for a test class, driven by Playwright; no browser is downloaded.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"The browser tests need Debian's Chromium at {ChromiumPath}: apt-get install -y chromium (.ci/run does).");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // CI runs as root, where Chromium refuses its sandbox.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
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
}

/// <summary>Saves a full-page screenshot of each step as a test artifact.</summary>
internal sealed class Screenshots(IPage page, string test)
{
    private int _step;

    /// <summary>
    /// Where screenshots go: <c>$RETURNS_TEST_ARTIFACTS/screenshots/&lt;test&gt;/</c> (set by .ci/run), else next to
    /// the test binaries under <c>artifacts/</c>.
    /// </summary>
    public static string Root =>
        Path.Combine(Environment.GetEnvironmentVariable("RETURNS_TEST_ARTIFACTS") is { Length: > 0 } root ? root : Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    public async Task TakeAsync(string step)
    {
        var folder = Path.Combine(Root, test);
        Directory.CreateDirectory(folder);
        var name = $"{++_step:00}-{step}.png";
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name), FullPage = true });
        TestContext.Current.AddAttachment($"{test}/{name}", bytes, "image/png");
    }
}
