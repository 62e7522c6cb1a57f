using Microsoft.Playwright;

namespace Returns.Portal.Web.Tests;

/// <summary>
/// The customer flow in a real browser, inside the iframe of the demo shop's page (another origin than the portal), at
/// phone and desktop sizes and in two languages; the store desk flow; and a hostile page that must not frame the portal.
/// </summary>
public sealed class PortalBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Anna = "WEB-100234";

    public static TheoryData<string, string> SizesAndLanguages => new()
    {
        { "phone", "en" },
        { "phone", "it" },
        { "desktop", "en" },
        { "desktop", "it" },
    };

    [Theory]
    [MemberData(nameof(SizesAndLanguages))]
    public async Task CustomerFlow_InTheShopsIframe_BooksAReturnAndTellsTheShop(string size, string language)
    {
        using var shop = new DemoShopFactory(kestrel: true);
        shop.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device(size, language));
        var page = await context.NewPageAsync();
        var shots = new Screenshots(page, $"customer-{size}-{language}");
        var italian = language == "it";

        await page.GotoAsync($"{shop.ShopOrigin}/?lang={language}");
        var portal = page.FrameLocator("#returns-portal");
        await Assertions.Expect(portal.Locator("h1")).ToHaveTextAsync(italian ? "Trova il tuo ordine" : "Find your order");
        await portal.GetByTestId("lookup-order").FillAsync(Anna);
        await portal.GetByTestId("lookup-secret").FillAsync("anna@example.com");
        await shots.TakeAsync("find-order");
        await portal.GetByTestId("lookup-submit").ClickAsync();

        await portal.GetByTestId("line-1").CheckAsync();
        await portal.GetByTestId("reason-1").SelectOptionAsync("too_small");
        await portal.GetByTestId("packaging-1").SelectOptionAsync("opened");
        await portal.GetByTestId("use-1").SelectOptionAsync("light");
        await portal.GetByTestId("line-2").CheckAsync();
        await portal.GetByTestId("qty-2").SelectOptionAsync("2");
        await portal.GetByTestId("reason-2").SelectOptionAsync("changed_mind");
        await shots.TakeAsync("choose-items");
        await portal.GetByTestId("items-next").ClickAsync();

        await Assertions.Expect(portal.GetByTestId("option-1")).ToBeVisibleAsync();
        await Assertions.Expect(portal.Locator("h1")).ToHaveTextAsync(italian ? "Come vuoi restituirlo?" : "How would you like to return it?");
        await Assertions.Expect(portal.GetByTestId("refund")).ToContainTextAsync(italian ? "Rimborso previsto" : "Expected refund");
        await shots.TakeAsync("options");
        await portal.Locator("input[name=option][data-key^=post_office]").First.CheckAsync();
        await Assertions.Expect(portal.Locator(".card.selected input[data-key^=post_office]")).ToBeCheckedAsync();
        await portal.GetByTestId("label-mode").SelectOptionAsync("printed");
        await shots.TakeAsync("option-chosen");
        await portal.GetByTestId("confirm").ClickAsync();

        var rma = portal.GetByTestId("done-rma");
        await Assertions.Expect(rma).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^RMA-[0-9A-Z]{5}-[0-9A-Z]{5}$"));
        await Assertions.Expect(portal.GetByTestId("label-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/api/returns/labels\\?rma=RMA-"));
        await Assertions.Expect(portal.GetByTestId("instructions")).ToContainTextAsync(italian ? "ufficio postale" : "post office");
        // The portal told the shop page, on the shop's origin, which return was booked, and sized its iframe.
        await Assertions.Expect(page.GetByTestId("shop-completed")).ToContainTextAsync(await rma.TextContentAsync() ?? "?");
        // Sized to the content, not grown without end: the host page never lets a height message run away.
        var height = await page.Locator("#returns-portal").EvaluateAsync<double>("frame => parseFloat(frame.style.height)");
        Assert.InRange(height, 320, 2500);
        await shots.TakeAsync("booked");
    }

    [Fact]
    public async Task CustomerFlow_InStore_ShowsTheQrCodeForTheCounter()
    {
        using var shop = new DemoShopFactory(kestrel: true);
        shop.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("phone", "fr"));
        var page = await context.NewPageAsync();
        var shots = new Screenshots(page, "customer-in-store-fr");

        await page.GotoAsync($"{shop.ShopOrigin}/?lang=fr&order={Anna}");
        var portal = page.FrameLocator("#returns-portal");
        await Assertions.Expect(portal.GetByTestId("lookup-order")).ToHaveValueAsync(Anna);
        await portal.GetByTestId("lookup-secret").FillAsync("1012 AB");
        await portal.GetByTestId("lookup-submit").ClickAsync();
        await portal.GetByTestId("line-1").CheckAsync();
        await portal.GetByTestId("reason-1").SelectOptionAsync("too_large");
        await portal.GetByTestId("items-next").ClickAsync();
        await portal.Locator("input[name=option][data-key=in_store]").CheckAsync();
        await shots.TakeAsync("options");
        await portal.GetByTestId("confirm").ClickAsync();

        await Assertions.Expect(portal.GetByTestId("qr")).ToBeVisibleAsync();
        await Assertions.Expect(portal.GetByTestId("instructions")).ToContainTextAsync("magasin");
        Assert.True(await portal.GetByTestId("qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        await shots.TakeAsync("qr-code");
    }

    [Fact]
    public async Task Lookup_KeyboardOnly_ReachesTheItems()
    {
        using var shop = new DemoShopFactory(kestrel: true);
        shop.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("desktop", "en"));
        var page = await context.NewPageAsync();

        await page.GotoAsync($"{shop.PortalOrigin}/returns");
        await page.GetByTestId("lookup-order").FocusAsync();
        await page.Keyboard.TypeAsync(Anna);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("anna@example.com");
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByTestId("line-1")).ToBeVisibleAsync();
        // The new step's heading takes the focus, so a screen reader announces it.
        Assert.Equal("H1", await page.EvaluateAsync<string>("() => document.activeElement.tagName"));
    }

    [Fact]
    public async Task HostilePage_OfAnotherOrigin_CannotFrameThePortal()
    {
        using var shop = new DemoShopFactory(kestrel: true);
        shop.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("desktop", "en"));
        var page = await context.NewPageAsync();
        await page.RouteAsync("http://evil.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"<!DOCTYPE html><title>evil</title><iframe id=\"returns-portal\" src=\"{shop.PortalOrigin}/returns\"></iframe>",
        }));

        await page.GotoAsync("http://evil.test/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        await page.GotoAsync($"{shop.ShopOrigin}/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var allowed = await page.FrameLocator("#returns-portal").GetByTestId("lookup-order").CountAsync();
        await page.GotoAsync("http://evil.test/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var framedByEvil = await page.FrameLocator("#returns-portal").GetByTestId("lookup-order").CountAsync();

        Assert.Equal(1, allowed);
        Assert.Equal(0, framedByEvil);
    }

    [Fact]
    public async Task StoreDesk_AssociateSignsInFindsPreviewsAndConfirms_TheWebOrderIsRefunded()
    {
        using var shop = new DemoShopFactory(kestrel: true);
        shop.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("desktop", "it"));
        var page = await context.NewPageAsync();
        var shots = new Screenshots(page, "store-desk-it");

        await page.GotoAsync($"{shop.PortalOrigin}/store-desk?lang=it");
        await page.GetByTestId("signin-associate").FillAsync("giulia");
        await page.GetByTestId("signin-store").SelectOptionAsync("store-nl-001");
        await shots.TakeAsync("sign-in");
        await page.GetByTestId("signin-submit").ClickAsync();

        await page.GetByTestId("desk-query").FillAsync(Anna);
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
        await Assertions.Expect(page.GetByTestId("desk-rma")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^RMA-[0-9A-Z]{5}-[0-9A-Z]{5}$"));
        await shots.TakeAsync("receipt");
    }

    private static BrowserNewContextOptions Device(string size, string language) => size == "phone"
        ? new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = language }
        : new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 900 }, Locale = language };
}
