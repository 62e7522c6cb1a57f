using Microsoft.Playwright;

namespace Returns.Portal.Web.Tests;

/// <summary>The demo shop's page in a browser: the portal in its iframe, and the height the shop gave that iframe.</summary>
internal sealed class ShopPage(IPage page)
{
    /// <summary>The height the portal reports for its content, as portal.js measures it.</summary>
    private const string ContentHeight = "() => Math.ceil(document.getElementById('portal').getBoundingClientRect().bottom + window.scrollY)";

    // Resolves once the document has rendered two more frames: the last layout is painted.
    private const string TwoFrames = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))";

    public IFrameLocator Portal => page.FrameLocator("#returns-portal");

    public ILocator Frame => page.Locator("#returns-portal");

    /// <summary>The iframe's height as set by shop.js from the portal's height message (0 when never set).</summary>
    public Task<double> FrameHeightAsync() => Frame.EvaluateAsync<double>("frame => parseFloat(frame.style.height) || 0");

    /// <summary>The portal's content height, measured inside the iframe.</summary>
    public async Task<double> ContentHeightAsync()
    {
        var frame = await (await Frame.ElementHandleAsync()).ContentFrameAsync()
            ?? throw new InvalidOperationException("The portal iframe has no document.");
        return await frame.EvaluateAsync<double>(ContentHeight);
    }

    /// <summary>The height shop.js sets for a reported content height: 16 px of margin, at least 320 px.</summary>
    public static double Expected(double contentHeight) => Math.Max(320, Math.Min(contentHeight + 16, 10000));

    /// <summary>
    /// Waits (a bounded number of polls) until the iframe has the height of the portal's current content and the portal
    /// has painted it: the height message is asynchronous, and a screenshot taken before it shows a cut-off portal.
    /// </summary>
    public async Task SettleAsync()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if (await FrameHeightAsync() == Expected(await ContentHeightAsync()))
            {
                break;
            }

            await page.WaitForTimeoutAsync(100);
        }

        await page.EvaluateAsync(TwoFrames);
        var frame = await (await Frame.ElementHandleAsync()).ContentFrameAsync();
        if (frame is not null)
        {
            await frame.EvaluateAsync(TwoFrames);
        }
    }
}
