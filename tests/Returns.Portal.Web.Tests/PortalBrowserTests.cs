using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Returns.Portal.Web.Tests.BrowserFixture;

namespace Returns.Portal.Web.Tests;

/// <summary>
/// The customer flow in a real browser, inside the iframe of the demo shop's page (another origin than the portal), at
/// phone and desktop sizes and in several languages; keyboard use; and a hostile page that must not frame the portal.
/// </summary>
public sealed partial class PortalBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Anna = PortalClient.Anna;

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
        using var host = new DemoShopFactory(kestrel: true);
        host.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device(size, language));
        var page = await context.NewPageAsync();
        var shop = new ShopPage(page);
        var shots = new Screenshots(page, $"customer-{size}-{language}", shop.SettleAsync);
        await shots.RunAsync(async () =>
        {
            var italian = language == "it";
            var portal = shop.Portal;

            await page.GotoAsync($"{host.ShopOrigin}/?lang={language}");
            // Headings from the resx of the page's language (PortalTexts.it.resx for Italian).
            await Assertions.Expect(portal.Locator("h1")).ToHaveTextAsync(italian ? "Trova il tuo ordine" : "Find your order");
            await portal.GetByTestId("lookup-order").FillAsync(Anna);
            await portal.GetByTestId("lookup-secret").FillAsync("anna@example.com");
            await shots.TakeAsync("find-order");
            await portal.GetByTestId("lookup-submit").ClickAsync();

            await Assertions.Expect(portal.Locator("h1")).ToHaveTextAsync(italian ? $"Cosa vuoi restituire dall'ordine {Anna}?" : $"What would you like to return from order {Anna}?");
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
            await Assertions.Expect(rma).ToHaveTextAsync(RmaPattern());
            await Assertions.Expect(portal.GetByTestId("done")).ToHaveTextAsync(italian ? "Il tuo reso è registrato" : "Your return is booked");
            var labelLink = portal.GetByTestId("label-link");
            await Assertions.Expect(labelLink).ToHaveAttributeAsync("href", LabelLinkPattern());
            await Assertions.Expect(portal.GetByTestId("instructions")).ToContainTextAsync(italian ? "ufficio postale" : "post office");
            // The portal told the shop page, on the shop's origin only, which return was booked.
            var booked = await rma.TextContentAsync() ?? "?";
            await Assertions.Expect(page.GetByTestId("shop-completed")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("shop-completed")).ToContainTextAsync(booked);
            await shots.TakeAsync("booked");
            // The shop sized the iframe from the portal's height message: content height plus its margin.
            Assert.Equal(ShopPage.Expected(await shop.ContentHeightAsync()), await shop.FrameHeightAsync());
            // The link the customer gets is the label itself.
            var label = await context.APIRequest.GetAsync(host.PortalOrigin + await labelLink.GetAttributeAsync("href"));
            Assert.Equal(200, label.Status);
            Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await label.BodyAsync())[..5]), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task CustomerFlow_InStoreInFrench_ShowsTheQrCodeForTheCounter()
    {
        using var host = new DemoShopFactory(kestrel: true);
        host.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("phone", "fr"));
        var page = await context.NewPageAsync();
        var shop = new ShopPage(page);
        var shots = new Screenshots(page, "customer-in-store-phone-fr", shop.SettleAsync);
        await shots.RunAsync(async () =>
        {
            var portal = shop.Portal;

            // The shop passes the order number; the customer only proves it is theirs, here with the postcode.
            await page.GotoAsync($"{host.ShopOrigin}/?lang=fr&order={Anna}");
            await Assertions.Expect(portal.GetByTestId("lookup-order")).ToHaveValueAsync(Anna);
            await portal.GetByTestId("lookup-secret").FillAsync("1012 AB");
            await shots.TakeAsync("find-order");
            await portal.GetByTestId("lookup-submit").ClickAsync();
            await portal.GetByTestId("line-1").CheckAsync();
            await portal.GetByTestId("reason-1").SelectOptionAsync("too_large");
            await shots.TakeAsync("choose-items");
            await portal.GetByTestId("items-next").ClickAsync();
            await portal.Locator("input[name=option][data-key=in_store]").CheckAsync();
            await Assertions.Expect(portal.GetByTestId("label-mode")).ToHaveCountAsync(0);
            await shots.TakeAsync("options");
            await portal.GetByTestId("confirm").ClickAsync();

            await Assertions.Expect(portal.GetByTestId("qr")).ToBeVisibleAsync();
            await Assertions.Expect(portal.GetByTestId("instructions")).ToContainTextAsync("magasin");
            await Assertions.Expect(portal.GetByTestId("label-link")).ToHaveCountAsync(0);
            Assert.True(await portal.GetByTestId("qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"), "The QR code image did not render (CSP img-src or a broken SVG).");
            await Assertions.Expect(page.GetByTestId("shop-completed")).ToContainTextAsync(await portal.GetByTestId("done-rma").TextContentAsync() ?? "?");
            await shots.TakeAsync("qr-code");
        });
    }

    [Fact]
    public async Task Lookup_KeyboardOnly_TabsIntoTheIframeFillsAndSubmits()
    {
        using var host = new DemoShopFactory(kestrel: true);
        host.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("desktop", "en"));
        var page = await context.NewPageAsync();
        var shop = new ShopPage(page);
        var shots = new Screenshots(page, "keyboard-desktop-en", shop.SettleAsync);
        await shots.RunAsync(async () =>
        {
            var portal = shop.Portal;

            await page.GotoAsync($"{host.ShopOrigin}/?lang=en");
            await Assertions.Expect(portal.GetByTestId("lookup-order")).ToBeVisibleAsync();
            // From the top of the shop page, Tab past the shop's links into the portal's first field.
            var focused = false;
            for (var press = 0; press < 12 && !focused; press++)
            {
                await page.Keyboard.PressAsync("Tab");
                focused = await portal.GetByTestId("lookup-order").EvaluateAsync<bool>("input => document.activeElement === input && document.hasFocus()");
            }

            Assert.True(focused, "Tab never reached the order number field of the embedded portal.");
            await page.Keyboard.TypeAsync(Anna);
            await page.Keyboard.PressAsync("Tab");
            await page.Keyboard.TypeAsync("anna@example.com");
            await Assertions.Expect(portal.GetByTestId("lookup-secret")).ToBeFocusedAsync();
            await shots.TakeAsync("typed");
            await page.Keyboard.PressAsync("Enter");

            await Assertions.Expect(portal.GetByTestId("line-1")).ToBeVisibleAsync();
            // The new step's heading takes the focus, so a screen reader announces it and Tab goes on from there.
            await Assertions.Expect(portal.Locator("h1")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            await Assertions.Expect(portal.GetByTestId("line-1")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Space");
            await Assertions.Expect(portal.GetByTestId("line-1")).ToBeCheckedAsync();
            await shots.TakeAsync("items");
        });
    }

    [Fact]
    public async Task HostilePage_OfAnotherOrigin_CannotFrameThePortal()
    {
        using var host = new DemoShopFactory(kestrel: true);
        host.StartServer();
        await using var context = await browser.Browser.NewContextAsync(Device("desktop", "en"));
        var page = await context.NewPageAsync();
        var shots = new Screenshots(page, "hostile-host-desktop-en");
        await shots.RunAsync(async () =>
        {
            await page.RouteAsync("http://evil.test/**", route => route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "text/html",
                Body = $"<!DOCTYPE html><title>evil</title><h1>Free vouchers</h1><iframe id=\"returns-portal\" src=\"{host.PortalOrigin}/returns?host={Uri.EscapeDataString("http://evil.test")}\"></iframe>",
            }));

            // The same iframe on the shop's page renders: a check that the hostile page's empty frame is the policy at work.
            await page.GotoAsync($"{host.ShopOrigin}/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await Assertions.Expect(page.FrameLocator("#returns-portal").GetByTestId("lookup-order")).ToBeVisibleAsync();
            await page.GotoAsync("http://evil.test/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
            await shots.TakeAsync("hostile-page");

            Assert.Equal(0, await page.FrameLocator("#returns-portal").GetByTestId("lookup-order").CountAsync());
            Assert.Equal(0, await page.FrameLocator("#returns-portal").Locator("#portal").CountAsync());
        });
    }

    [GeneratedRegex("^RMA-[0-9A-Z]{5}-[0-9A-Z]{5}$")]
    private static partial Regex RmaPattern();

    [GeneratedRegex("^/api/returns/labels\\?rma=RMA-")]
    private static partial Regex LabelLinkPattern();
}
