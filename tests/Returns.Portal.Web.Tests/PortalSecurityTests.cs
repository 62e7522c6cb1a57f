using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using static Returns.Portal.Web.Tests.PortalClient;

namespace Returns.Portal.Web.Tests;

/// <summary>
/// The portal's security promises (docs/portal.md) on the demo shop, hosted in memory: no order enumeration, a rate
/// limit on lookups, sessions bound to one order and expiring, signed expiring label links, framing only by the shop.
/// </summary>
public sealed partial class PortalSecurityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lookup_WrongNumberWrongEmailWrongPostcode_AnswerByteForByteTheSame()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());

        var answers = new List<(HttpStatusCode Status, string Body)>();
        foreach (var (number, secret) in new[] { ("WEB-999999", "anna@example.com"), (Anna, "eve@example.com"), (Anna, "9999 ZZ"), (Marco, "anna@example.com"), (Anna, "3011 AB") })
        {
            var response = await client.LookUpAsync(number, secret);
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.NotFound, a.Status));
        Assert.Single(answers.Select(a => a.Body).Distinct(StringComparer.Ordinal));
        Assert.Equal("https://returns-sdk.dev/problems/order-not-found", (string?)System.Text.Json.Nodes.JsonNode.Parse(answers[0].Body)!["type"]);
    }

    [Fact]
    public async Task Lookup_EleventhFromOneClientInAMinute_Is429WithRetryAfter()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());

        // The in-memory TestServer sets no RemoteIpAddress, so every request falls into the limiter's one "unknown"
        // partition: exactly one client as far as the limiter can tell, which is what this test needs.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.LookUpAsync("WEB-1", "x@example.com")).StatusCode);
        }

        // Even the right answer is refused now: guessing cannot go on at full speed.
        var limited = await client.LookUpAsync(Anna, "anna@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.InRange(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("https://returns-sdk.dev/problems/rate-limited", (string?)(await PortalClient.ReadAsync(limited))["type"]);
        Assert.DoesNotContain("token", await limited.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("garbage")]
    [InlineData("tampered-signature")]
    [InlineData("not-bearer")]
    public async Task Order_WithoutAValidSession_Is401(string kind)
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");
        var request = new HttpRequestMessage(HttpMethod.Get, $"{Api}/orders/{Anna}");
        switch (kind)
        {
            case "garbage":
                request.Headers.Authorization = new("Bearer", "not-a-token");
                break;
            case "tampered-signature":
                // The signature is the token's last part; its next-to-last character carries only signature bits.
                request.Headers.Authorization = new("Bearer", token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1]);
                break;
            case "not-bearer":
                request.Headers.Authorization = new("Basic", token);
                break;
        }

        var response = await client.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("https://returns-sdk.dev/problems/session-invalid", (string?)(await PortalClient.ReadAsync(response))["type"]);
    }

    [Fact]
    public async Task Order_SessionOlderThan30Minutes_Is401SessionExpired()
    {
        var time = new FakeTimeProvider(DemoShopFactory.DemoNow);
        using var shop = new DemoShopFactory(time: time);
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        time.Advance(TimeSpan.FromMinutes(29));
        var stillValid = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token);
        time.Advance(TimeSpan.FromMinutes(2));
        var expired = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token);
        var expiredQuote = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, ShoesOnly);

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("https://returns-sdk.dev/problems/session-expired", (string?)(await PortalClient.ReadAsync(expired))["type"]);
        Assert.Equal(HttpStatusCode.Unauthorized, expiredQuote.StatusCode);
    }

    [Fact]
    public async Task Session_ForOrderA_ReadsNothingOfOrderB_AndAnswersLikeNothingExists()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var anna = await client.SessionAsync(Anna, "anna@example.com");
        var marco = await client.SessionAsync(Marco, "marco@example.com");
        var marcosReturn = (string)(await client.BookAsync(Marco, marco, MarcosFirstLine, "in_store", null, "k-m"))["rma"]!;

        // Anna's token on Marco's order: the same answer as on an order that does not exist.
        var annaOnMarcosOrder = await client.SendAsync(HttpMethod.Get, $"/orders/{Marco}", anna);
        var annaOnNoOrder = await client.SendAsync(HttpMethod.Get, "/orders/WEB-999999", anna);
        var annaOnMarcosReturn = await client.SendAsync(HttpMethod.Get, $"/orders/{Marco}/returns/{marcosReturn}", anna);
        var annaQuotesOnMarcosOrder = await client.SendAsync(HttpMethod.Post, $"/orders/{Marco}/quote", anna, MarcosFirstLine);
        var annaBooksOnMarcosOrder = await client.SendAsync(HttpMethod.Post, $"/orders/{Marco}/returns", anna, Confirm(MarcosFirstLine, "in_store", null), "k-a");
        // Marco's RMA under Anna's own order: the same answer as an RMA that does not exist.
        var marcosReturnUnderAnnasOrder = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}/returns/{marcosReturn}", anna);
        var unknownReturn = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}/returns/RMA-00000-00000", anna);
        var marcosOrder = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Marco}", marco));

        var noOrder = await annaOnNoOrder.Content.ReadAsStringAsync(Ct);
        Assert.All(
            new[] { annaOnMarcosOrder, annaOnNoOrder, annaOnMarcosReturn, annaQuotesOnMarcosOrder, annaBooksOnMarcosOrder, marcosReturnUnderAnnasOrder, unknownReturn },
            r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in new[] { annaOnMarcosOrder, annaOnMarcosReturn, annaQuotesOnMarcosOrder, annaBooksOnMarcosOrder })
        {
            Assert.Equal(noOrder, await response.Content.ReadAsStringAsync(Ct));
        }

        Assert.Equal(await unknownReturn.Content.ReadAsStringAsync(Ct), await marcosReturnUnderAnnasOrder.Content.ReadAsStringAsync(Ct));
        Assert.DoesNotContain(marcosReturn, await marcosReturnUnderAnnasOrder.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(marcosOrder["returns"]!.AsArray());
    }

    [Fact]
    public async Task LabelLink_TamperedOtherReturnOrExpired_NeverServesTheLabel()
    {
        var time = new FakeTimeProvider(DemoShopFactory.DemoNow);
        using var shop = new DemoShopFactory(time: time);
        var client = new PortalClient(shop.CreateClient());
        var anna = await client.SessionAsync(Anna, "anna@example.com");
        var marco = await client.SessionAsync(Marco, "marco@example.com");
        var link = (string)(await client.BookAsync(Anna, anna, ShoesOnly, await CarrierOptionAsync(client, Anna, anna, ShoesOnly), "printed", "k-l"))["labelUrl"]!;
        var marcosRma = (string)(await client.BookAsync(Marco, marco, MarcosFirstLine, await CarrierOptionAsync(client, Marco, marco, MarcosFirstLine), "printed", "k-l"))["rma"]!;
        Assert.Matches("^/api/returns/labels\\?rma=RMA-[^&]+&file=[^&]+&exp=[0-9]+&kid=[^&]+&sig=[A-Za-z0-9_-]+$", link);

        var valid = await client.Http.GetAsync(link, Ct);
        // The signature is the link's last parameter; its next-to-last character carries only signature bits.
        var tampered = await client.Http.GetAsync(link[..^2] + (link[^2] == 'A' ? 'B' : 'A') + link[^1], Ct);
        var otherRma = await client.Http.GetAsync(RmaInQuery().Replace(link, "rma=" + marcosRma), Ct);
        var laterExpiry = await client.Http.GetAsync(ExpiryInQuery().Replace(link, m => "exp=" + (long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 3600)), Ct);
        var unsigned = await client.Http.GetAsync(link[..link.IndexOf("&sig=", StringComparison.Ordinal)], Ct);
        time.Advance(TimeSpan.FromMinutes(16));
        var expired = await client.Http.GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.OK, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherRma.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, laterExpiry.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        foreach (var refused in new[] { tampered, otherRma, laterExpiry, unsigned, expired })
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain("%PDF", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Page_FrameAncestorsIsTheShopOnly_AndTheApiMayNotBeFramed()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();

        var page = await client.GetAsync("/returns", Ct);
        var script = await client.GetAsync("/returns/assets/portal.js", Ct);
        var api = await client.PostAsync(Api + "/session", PortalClient.Json("{}"), Ct);
        var pageCsp = page.Headers.GetValues("Content-Security-Policy").Single();
        var apiCsp = api.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Matches($"(^|; )frame-ancestors {Regex.Escape(shop.ShopOrigin)}($|;)", pageCsp);
        Assert.Contains("script-src 'self'", pageCsp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", pageCsp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", pageCsp, StringComparison.Ordinal);
        // No inline script that the policy would have to allow: the island is data, the code comes from assets/.
        Assert.DoesNotMatch("<script(?![^>]*(type=\"application/json\"|src=))", await page.Content.ReadAsStringAsync(Ct));
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("frame-ancestors 'none'", apiCsp, StringComparison.Ordinal);
        Assert.Equal("DENY", api.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", api.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Page_PostMessageTarget_IsOnlyEverAConfiguredHostOrigin()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();

        var configured = Island(await client.GetStringAsync($"/returns?host={Uri.EscapeDataString(shop.ShopOrigin)}", Ct));
        // The demo configures one host origin, so a page without host= may only ever talk to it.
        var implicitOnly = Island(await client.GetStringAsync("/returns", Ct));
        var foreign = Island(await client.GetStringAsync("/returns?host=https%3A%2F%2Fevil.example", Ct));
        var lookalike = Island(await client.GetStringAsync($"/returns?host={Uri.EscapeDataString(shop.ShopOrigin + ".evil.example")}", Ct));
        var wildcard = Island(await client.GetStringAsync("/returns?host=*", Ct));

        Assert.Equal(shop.ShopOrigin, (string?)configured["hostOrigin"]);
        Assert.Equal(shop.ShopOrigin, (string?)implicitOnly["hostOrigin"]);
        Assert.Null(foreign["hostOrigin"]);
        Assert.Null(lookalike["hostOrigin"]);
        Assert.Null(wildcard["hostOrigin"]);
    }

    [Fact]
    public async Task Page_HostileOrderParameter_CannotBreakOutOfTheIsland()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();
        const string hostile = "</script><script>alert(1)</script>";

        var html = await client.GetStringAsync($"/returns?order={Uri.EscapeDataString(hostile)}", Ct);

        Assert.DoesNotContain(hostile, html, StringComparison.Ordinal);
        Assert.Equal(hostile, (string?)Island(html)["orderNumber"]);
    }

    private static async Task<string> CarrierOptionAsync(PortalClient client, string orderNumber, string token, string items)
    {
        var quote = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{orderNumber}/quote", token, items));
        return (string)quote["options"]!.AsArray().First(o => (string?)o!["method"] != "in_store")!["key"]!;
    }

    [GeneratedRegex("rma=[^&]+")]
    private static partial Regex RmaInQuery();

    [GeneratedRegex("exp=([0-9]+)")]
    private static partial Regex ExpiryInQuery();
}
