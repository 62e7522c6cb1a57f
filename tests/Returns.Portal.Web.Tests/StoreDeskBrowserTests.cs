using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Returns.Portal.Web.Tests.BrowserFixture;

namespace Returns.Portal.Web.Tests;

/// <summary>The store desk of the demo shop in a real browser: an associate signs in, finds a web order and refunds it.</summary>
public sealed partial class StoreDeskBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task StoreDesk_AssociateSignsInFindsPreviewsAndConfirms_TheWebOrderIsRefunded()
    {
        using var host = new DemoShopFactory(kestrel: true);
        host.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("desktop", "it"));
        var page = await context.NewPageAsync();
        var shots = new Screenshots(page, "store-desk-desktop-it");
        await shots.RunAsync(async () =>
        {

            await page.GotoAsync($"{host.PortalOrigin}/store-desk?lang=it");
            await page.GetByTestId("signin-associate").FillAsync("giulia");
            await page.GetByTestId("signin-store").SelectOptionAsync("store-nl-001");
            await shots.TakeAsync("sign-in");
            await page.GetByTestId("signin-submit").ClickAsync();

            await page.GetByTestId("desk-query").FillAsync(PortalClient.Anna);
            await shots.TakeAsync("find");
            await page.GetByTestId("desk-find").ClickAsync();
            await Assertions.Expect(page.GetByTestId("desk-order")).ToBeVisibleAsync();
            await page.GetByTestId("desk-line-SNK-RUN-42").CheckAsync();
            await page.GetByTestId("desk-reason-SNK-RUN-42").SelectOptionAsync("too_small");
            await page.GetByTestId("desk-packaging-SNK-RUN-42").SelectOptionAsync("opened");
            await page.GetByTestId("desk-use-SNK-RUN-42").SelectOptionAsync("light");
            await shots.TakeAsync("inspect");
            await page.GetByTestId("desk-preview").ClickAsync();

            await Assertions.Expect(page.GetByTestId("desk-preview-result")).ToBeVisibleAsync();
            await shots.TakeAsync("preview");
            await page.GetByTestId("desk-confirm").ClickAsync();

            await Assertions.Expect(page.GetByTestId("desk-receipt")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("desk-rma")).ToHaveTextAsync(RmaPattern());
            await shots.TakeAsync("receipt");
        });
    }

    [GeneratedRegex("^RMA-[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex RmaPattern();
}
