using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Returns.Portal.Web.Tests;

/// <summary>The portal API of the demo shop, end to end: the customer's flow and every security promise of docs/portal.md.</summary>
public sealed partial class PortalApiTests
{
    private const string Anna = "WEB-100234";
    private const string Marco = "WEB-100235";
    private const string ShoesOnly = """{"items":[{"lineId":"1","quantity":1,"reasonCode":"too_small","packaging":"opened","signsOfUse":"light"}]}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Flow_LookUpQuoteConfirmDownloadStatus_BooksACarrierReturnWithItsLabel()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync("web-100234", "1012ab");

        var order = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token));
        var quote = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, ShoesOnly));
        var postOffice = quote["options"]!.AsArray().First(o => (string?)o!["method"] == "post_office")!;
        var confirm = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, (string)postOffice["key"]!, "printed"), "k-1");
        var booked = await PortalClient.ReadAsync(confirm);
        var label = await client.Http.GetAsync((string)booked["labelUrl"]!, Ct);
        var status = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}/returns/{booked["rma"]}", token));

        Assert.Equal("SNK-RUN-42", (string?)order["lines"]![0]!["sku"]);
        // Inside the EU withdrawal period even the final-sale socks may come back; the gift card never.
        Assert.Equal("within_eu_withdrawal_period", (string?)order["lines"]![3]!["code"]);
        Assert.False((bool)order["lines"]![4]!["returnable"]!);
        Assert.Equal("gift_card", (string?)order["lines"]![4]!["code"]);
        Assert.True(quote["options"]!.AsArray().Count >= 3);
        Assert.Equal(1, (int)quote["options"]![0]!["rank"]!);
        Assert.True((double)postOffice["locations"]![0]!["distanceKm"]! < 5);
        Assert.NotNull((string?)postOffice["locations"]![0]!["openingHours"]);
        Assert.True((decimal)postOffice["customerFee"]! > 0);
        Assert.Equal((decimal)postOffice["refund"]!["payout"]!, (decimal)booked["expectedRefund"]!["payout"]!);
        Assert.Equal(HttpStatusCode.Created, confirm.StatusCode);
        Assert.Equal("label_issued", (string?)booked["state"]);
        Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        Assert.Equal("application/pdf", label.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await label.Content.ReadAsByteArrayAsync(Ct))[..4], StringComparison.Ordinal);
        Assert.Equal((string?)booked["rma"], (string?)status["rma"]);
        Assert.Equal("label_issued", (string?)status["state"]);
    }

    [Fact]
    public async Task Confirm_InStore_AuthorizesAndShowsTheRmaAsQrCode()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var booked = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "in_store", null), "k-store"));

        Assert.Equal("authorized", (string?)booked["state"]);
        Assert.Equal((string?)booked["rma"], (string?)booked["qrPayload"]);
        Assert.StartsWith("<svg", (string?)booked["qrSvg"], StringComparison.Ordinal);
        Assert.Null(booked["labelUrl"]);
        Assert.StartsWith("store-", (string?)booked["storeId"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lookup_WrongNumberWrongEmailWrongPostcode_AnswerByteForByteTheSame()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());

        var bodies = new List<(HttpStatusCode, string)>();
        foreach (var (number, secret) in new[] { ("WEB-999999", "anna@example.com"), (Anna, "eve@example.com"), (Anna, "9999 ZZ"), (Marco, "anna@example.com") })
        {
            var response = await client.LookUpAsync(number, secret);
            bodies.Add((response.StatusCode, await response.Content.ReadAsStringAsync(Ct)));
        }

        Assert.All(bodies, b => Assert.Equal(HttpStatusCode.NotFound, b.Item1));
        Assert.Single(bodies.Select(b => b.Item2).Distinct());
    }

    [Fact]
    public async Task Lookup_EleventhFromOneClientInAMinute_Is429WithRetryAfter()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());

        // The in-memory test server gives no client address: every request shares one partition, as one client would.
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.LookUpAsync("WEB-1", "x@example.com")).StatusCode);
        }

        var limited = await client.LookUpAsync(Anna, "anna@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("https://returns-sdk.dev/problems/rate-limited", (string?)(await PortalClient.ReadAsync(limited))["type"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("garbage")]
    [InlineData("tampered")]
    public async Task Order_WithoutAValidSession_Is401(string? kind)
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");
        var sent = kind switch
        {
            null => null,
            "garbage" => "not-a-token",
            _ => token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1],
        };

        var response = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", sent);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("https://returns-sdk.dev/problems/session-invalid", (string?)(await PortalClient.ReadAsync(response))["type"]);
    }

    [Fact]
    public async Task Order_SessionOlderThan30Minutes_Is401Expired()
    {
        var time = new FakeTimeProvider(DemoShopFactory.DemoNow);
        using var shop = new DemoShopFactory(time: time);
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");
        var fresh = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token);

        time.Advance(TimeSpan.FromMinutes(30));
        var expired = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("https://returns-sdk.dev/problems/session-expired", (string?)(await PortalClient.ReadAsync(expired))["type"]);
    }

    [Fact]
    public async Task CrossOrder_AnotherCustomersOrderOrReturn_AnswersLikeNothingExists()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var anna = await client.SessionAsync(Anna, "anna@example.com");
        var marco = await client.SessionAsync(Marco, "marco@example.com");
        var annasReturn = (string)(await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", anna, Confirm(ShoesOnly, "in_store", null), "k-a")))["rma"]!;

        var marcoReadsAnnasOrder = await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", marco);
        var marcoQuotesOnAnnasOrder = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", marco, ShoesOnly);
        var marcoReadsAnnasReturn = await client.SendAsync(HttpMethod.Get, $"/orders/{Marco}/returns/{annasReturn}", marco);
        var marcoReadsUnknownReturn = await client.SendAsync(HttpMethod.Get, $"/orders/{Marco}/returns/RMA-00000-00000", marco);
        var marcoCancelsNothing = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", marco, Confirm(ShoesOnly, "in_store", null), "k-m");

        Assert.Equal(HttpStatusCode.NotFound, marcoReadsAnnasOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, marcoQuotesOnAnnasOrder.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, marcoCancelsNothing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, marcoReadsAnnasReturn.StatusCode);
        Assert.Equal(await marcoReadsUnknownReturn.Content.ReadAsStringAsync(Ct), await marcoReadsAnnasReturn.Content.ReadAsStringAsync(Ct));
        var annasOrder = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", anna));
        Assert.Single(annasOrder["returns"]!.AsArray());
    }

    [Fact]
    public async Task LabelLink_TamperedOtherReturnOrExpired_NeverServesTheLabel()
    {
        var time = new FakeTimeProvider(DemoShopFactory.DemoNow);
        using var shop = new DemoShopFactory(time: time);
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");
        var quote = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, ShoesOnly));
        var key = (string)quote["options"]!.AsArray().First(o => (string?)o!["method"] != "in_store")!["key"]!;
        var link = (string)(await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, key, "printed"), "k-l")))["labelUrl"]!;

        var tampered = await client.Http.GetAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..], Ct);
        var otherRma = await client.Http.GetAsync(RmaInQuery().Replace(link, "rma=RMA-00000-00000"), Ct);
        time.Advance(TimeSpan.FromMinutes(16));
        var expired = await client.Http.GetAsync(link, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherRma.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.All(new[] { tampered, otherRma, expired }, r => Assert.NotEqual("application/pdf", r.Content.Headers.ContentType?.MediaType));
    }

    [Fact]
    public async Task Page_FrameAncestorsIsTheShopOnly_AndTheApiMayNotBeFramed()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();

        var page = await client.GetAsync("/returns", Ct);
        var api = await client.PostAsync(PortalClient.Api + "/session", PortalClient.Json("{}"), Ct);
        var pageCsp = page.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains($"frame-ancestors {shop.ShopOrigin}", pageCsp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", pageCsp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", pageCsp, StringComparison.Ordinal);
        Assert.False(page.Headers.Contains("X-Frame-Options"));
        Assert.Contains("frame-ancestors 'none'", api.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_PostMessageTarget_IsOnlyEverAConfiguredHostOrigin()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();

        var configured = Island(await client.GetStringAsync($"/returns?host={Uri.EscapeDataString(shop.ShopOrigin)}", Ct));
        var implicitOnly = Island(await client.GetStringAsync("/returns", Ct));
        var foreign = Island(await client.GetStringAsync("/returns?host=https%3A%2F%2Fevil.example", Ct));

        Assert.Equal(shop.ShopOrigin, (string?)configured["hostOrigin"]);
        Assert.Equal(shop.ShopOrigin, (string?)implicitOnly["hostOrigin"]);
        Assert.Null(foreign["hostOrigin"]);
    }

    [Fact]
    public async Task Page_HostPassesOrderAndLanguage_IslandCarriesThemAndItalianTexts()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();

        var html = await client.GetStringAsync($"/returns?order={Anna}&lang=it", Ct);
        var island = Island(html);

        Assert.Contains("<html lang=\"it\">", html, StringComparison.Ordinal);
        Assert.Equal(Anna, (string?)island["orderNumber"]);
        Assert.Equal("Trova il tuo ordine", (string?)island["texts"]!["lookup.title"]);
    }

    [Fact]
    public async Task Page_EveryLanguage_HasEveryEnglishTextTranslated()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();
        var english = Island(await client.GetStringAsync("/returns?lang=en", Ct))["texts"]!.AsObject();

        foreach (var language in new[] { "it", "fr" })
        {
            var texts = Island(await client.GetStringAsync($"/returns?lang={language}", Ct))["texts"]!.AsObject();
            Assert.Equal(english.Select(p => p.Key).Order(StringComparer.Ordinal), texts.Select(p => p.Key).Order(StringComparer.Ordinal));
            // Only texts made of placeholders and units may read as in English.
            Assert.Empty(texts.Where(p => (string?)p.Value == (string?)english[p.Key] && p.Key is not "options.distance").Select(p => p.Key));
        }
    }

    [Fact]
    public async Task Confirm_WithoutIdempotencyKey_Is400_AndTheSameKeyTwice_BooksOneReturn()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var missing = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "in_store", null));
        var first = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "in_store", null), "double-click"));
        var second = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "in_store", null), "double-click"));
        var order = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("Idempotency-Key", (string?)(await PortalClient.ReadAsync(missing))["errors"]![0]!["path"]);
        Assert.Equal((string?)first["rma"], (string?)second["rma"]);
        Assert.Single(order["returns"]!.AsArray());
    }

    [Fact]
    public async Task Quote_BadBodies_AreTypedProblemsNamingWhere()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var malformed = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, "{\n  \"items\": [ { \"lineId\": \"1\", \"quantity\": \"two\" } ]\n}");
        var invalid = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, """{"items":[{"lineId":"9","quantity":1,"reasonCode":"too_small"},{"lineId":"2","quantity":-1,"reasonCode":"bored"}]}""");
        var unknownOption = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "teleport:x:y", null), "k-u");
        var formPost = await client.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"{PortalClient.Api}/orders/{Anna}/quote")
            {
                Content = new FormUrlEncodedContent([new("items", "1")]),
                Headers = { Authorization = new("Bearer", token) },
            },
            Ct);

        var malformedProblem = await PortalClient.ReadAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Contains("line 2", (string?)malformedProblem["detail"], StringComparison.Ordinal);
        Assert.Equal("items[0].quantity", (string?)malformedProblem["errors"]![0]!["path"]);
        Assert.Equal(["items[0].lineId", "items[1].quantity", "items[1].reasonCode"], Paths(await PortalClient.ReadAsync(invalid)));
        Assert.Equal(["optionKey"], Paths(await PortalClient.ReadAsync(unknownOption)));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesThePortalOperations()
    {
        using var shop = new DemoShopFactory();
        var document = JsonNode.Parse(await shop.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!;

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.Contains("/api/returns/session", paths);
        Assert.Contains("/api/returns/orders/{orderNumber}", paths);
        Assert.Contains("/api/returns/orders/{orderNumber}/quote", paths);
        Assert.Contains("/api/returns/orders/{orderNumber}/returns", paths);
        Assert.Contains("/api/returns/orders/{orderNumber}/returns/{rma}", paths);
        Assert.Contains("/api/returns/labels", paths);
        Assert.NotNull(document["paths"]!["/api/returns/orders/{orderNumber}/quote"]!["post"]!["summary"]);
    }

    internal static JsonNode Island(string html) =>
        JsonNode.Parse(IslandPattern().Match(html).Groups[1].Value)!;

    private static string Confirm(string items, string optionKey, string? labelMode)
    {
        var body = JsonNode.Parse(items)!.AsObject();
        body["optionKey"] = optionKey;
        body["labelMode"] = labelMode;
        return body.ToJsonString();
    }

    private static List<string> Paths(JsonNode problem) =>
        [.. problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Order(StringComparer.Ordinal)];

    [GeneratedRegex("""<script type="application/json" id="island">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex IslandPattern();

    [GeneratedRegex("rma=[^&]+")]
    private static partial Regex RmaInQuery();
}
