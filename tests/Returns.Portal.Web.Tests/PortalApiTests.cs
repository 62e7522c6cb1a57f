using System.Net;
using System.Text.Json.Nodes;
using static Returns.Portal.Web.Tests.PortalClient;

namespace Returns.Portal.Web.Tests;

/// <summary>The portal API of the demo shop, hosted in memory: the customer's flow and the shape of its answers and errors.</summary>
public sealed class PortalApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Flow_LookUpQuoteConfirmDownloadStatus_BooksACarrierReturnWithItsLabel()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        // The customer types as customers do: lower case, no space in the postcode.
        var session = await PortalClient.ReadAsync(await client.LookUpAsync("web-100234", "1012ab"));
        var token = (string)session["token"]!;

        var order = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token));
        var quote = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, ShoesOnly));
        var postOffice = quote["options"]!.AsArray().First(o => (string?)o!["method"] == "post_office")!;
        var confirm = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, (string)postOffice["key"]!, "printed"), "k-1");
        var booked = await PortalClient.ReadAsync(confirm);
        var label = await client.Http.GetAsync((string)booked["labelUrl"]!, Ct);
        var status = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}/returns/{booked["rma"]}", token));

        Assert.Equal(Anna, (string?)session["orderNumber"]);
        Assert.Equal(DemoShopFactory.DemoNow.AddMinutes(30), (DateTimeOffset)session["expiresAt"]!);
        // The verdict of every line: the shoes may come back, the gift card never, the final-sale socks only inside
        // the EU withdrawal period.
        Assert.Equal(["SNK-RUN-42", "TEE-BASIC-M", "HP-NC-700"], order["lines"]!.AsArray().Take(3).Select(l => (string)l!["sku"]!));
        Assert.True((bool)order["lines"]![0]!["returnable"]!);
        Assert.Equal(3, (int)order["lines"]![1]!["returnableQuantity"]!);
        Assert.Equal("within_eu_withdrawal_period", (string?)order["lines"]![3]!["code"]);
        Assert.False((bool)order["lines"]![4]!["returnable"]!);
        Assert.Equal("gift_card", (string?)order["lines"]![4]!["code"]);
        Assert.NotEmpty(order["reasons"]!.AsArray());
        // The ways back, ranked, each with its key, fee, nearest places and the refund it leads to.
        Assert.True(quote["options"]!.AsArray().Count >= 3);
        Assert.Equal(Enumerable.Range(1, quote["options"]!.AsArray().Count), quote["options"]!.AsArray().Select(o => (int)o!["rank"]!));
        Assert.All(quote["options"]!.AsArray(), o => Assert.False(string.IsNullOrEmpty((string?)o!["key"])));
        Assert.Equal("EUR", (string?)quote["currency"]);
        Assert.False(string.IsNullOrEmpty((string?)quote["refundTiming"]));
        Assert.True((decimal)postOffice["customerFee"]! > 0);
        Assert.InRange((double)postOffice["locations"]![0]!["distanceKm"]!, 0, 5);
        Assert.False(string.IsNullOrEmpty((string?)postOffice["locations"]![0]!["openingHours"]));
        Assert.True((decimal)postOffice["refund"]!["payout"]! > 0);
        // Booked: 201 with the RMA, the label issued and a signed link to it.
        Assert.Equal(HttpStatusCode.Created, confirm.StatusCode);
        Assert.Matches("^RMA-[0-9A-Z]{5}-[0-9A-Z]{5}$", (string?)booked["rma"]);
        Assert.Equal("label_issued", (string?)booked["state"]);
        Assert.Equal("printed", (string?)booked["labelMode"]);
        Assert.False(string.IsNullOrEmpty((string?)booked["trackingNumber"]));
        Assert.Equal((decimal)postOffice["refund"]!["payout"]!, (decimal)booked["expectedRefund"]!["payout"]!);
        Assert.Equal(HttpStatusCode.OK, label.StatusCode);
        Assert.Equal("application/pdf", label.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await label.Content.ReadAsByteArrayAsync(Ct))[..5]), StringComparison.Ordinal);
        Assert.Equal((string?)booked["rma"], (string?)status["rma"]);
        Assert.Equal("label_issued", (string?)status["state"]);
        Assert.Equal("post_office", (string?)status["method"]);
        Assert.NotNull((string?)status["labelUrl"]);
    }

    [Fact]
    public async Task Confirm_InStore_AuthorizesAndShowsTheRmaAsQrCode()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var booked = await client.BookAsync(Anna, token, ShoesOnly, "in_store", null, "k-store");
        var status = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}/returns/{booked["rma"]}", token));

        Assert.Equal("authorized", (string?)booked["state"]);
        Assert.Equal("in_store", (string?)booked["method"]);
        Assert.Equal((string?)booked["rma"], (string?)booked["qrPayload"]);
        Assert.StartsWith("<svg", (string?)booked["qrSvg"], StringComparison.Ordinal);
        Assert.Null(booked["labelUrl"]);
        Assert.StartsWith("store-", (string?)booked["storeId"], StringComparison.Ordinal);
        Assert.Equal((string?)booked["qrSvg"], (string?)status["qrSvg"]);
    }

    [Fact]
    public async Task Confirm_WithoutIdempotencyKey_Is400NamingTheHeader()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var missing = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "in_store", null));
        var order = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token));

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["Idempotency-Key"], Paths(await PortalClient.ReadAsync(missing)));
        Assert.Empty(order["returns"]!.AsArray());
    }

    [Fact]
    public async Task Confirm_SameIdempotencyKeyTwice_BooksOneReturnWithOneLabel()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");
        var quote = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, ShoesOnly));
        var carrier = (string)quote["options"]!.AsArray().First(o => (string?)o!["method"] != "in_store")!["key"]!;

        // A double click, or a retry after the answer was lost.
        var first = await client.BookAsync(Anna, token, ShoesOnly, carrier, "printed", "double-click");
        var second = await client.BookAsync(Anna, token, ShoesOnly, carrier, "printed", "double-click");
        var order = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token));
        var firstLabel = await client.Http.GetByteArrayAsync((string)first["labelUrl"]!, Ct);
        var secondLabel = await client.Http.GetByteArrayAsync((string)second["labelUrl"]!, Ct);

        Assert.Equal((string?)first["rma"], (string?)second["rma"]);
        Assert.Equal((string?)first["trackingNumber"], (string?)second["trackingNumber"]);
        Assert.Equal(firstLabel, secondLabel);
        Assert.Equal([(string?)first["rma"]], order["returns"]!.AsArray().Select(r => (string?)r!["rma"]));
    }

    [Fact]
    public async Task Quote_MalformedJson_Is400NamingLineByteAndField()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var malformed = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, "{\n  \"items\": [ { \"lineId\": \"1\", \"quantity\": \"two\" } ]\n}");
        var broken = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, "{\"items\": [");

        var problem = await PortalClient.ReadAsync(malformed);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("https://returns-sdk.dev/problems/malformed", (string?)problem["type"]);
        Assert.Matches("line 2, byte [0-9]+", (string?)problem["detail"]);
        Assert.Equal(["items[0].quantity"], Paths(problem));
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Matches("line 1, byte [0-9]+", (string?)(await PortalClient.ReadAsync(broken))["detail"]);
    }

    [Fact]
    public async Task Quote_InvalidItems_Is400WithEveryPath()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var invalid = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/quote", token, """{"items":[{"lineId":"9","quantity":1,"reasonCode":"too_small"},{"lineId":"2","quantity":-1,"reasonCode":"bored"}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(["items[0].lineId", "items[1].quantity", "items[1].reasonCode"], Paths(await PortalClient.ReadAsync(invalid)));
    }

    [Fact]
    public async Task Confirm_UnknownOptionKey_Is400WithPathOptionKey()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        var unknown = await client.SendAsync(HttpMethod.Post, $"/orders/{Anna}/returns", token, Confirm(ShoesOnly, "teleport:x:y", null), "k-u");
        var order = await PortalClient.ReadAsync(await client.SendAsync(HttpMethod.Get, $"/orders/{Anna}", token));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(["optionKey"], Paths(await PortalClient.ReadAsync(unknown)));
        Assert.Empty(order["returns"]!.AsArray());
    }

    [Fact]
    public async Task Quote_FormPostInsteadOfJson_Is415()
    {
        using var shop = new DemoShopFactory();
        var client = new PortalClient(shop.CreateClient());
        var token = await client.SessionAsync(Anna, "anna@example.com");

        // What a cross-site HTML form can send: it never reaches the handler's logic.
        var formPost = await client.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"{Api}/orders/{Anna}/quote")
            {
                Content = new FormUrlEncodedContent([new("items", "1")]),
                Headers = { Authorization = new("Bearer", token) },
            },
            Ct);
        var textPlain = await client.Http.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"{Api}/session") { Content = new StringContent("""{"orderNumber":"WEB-100234","emailOrPostcode":"1012 AB"}""") },
            Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, formPost.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, textPlain.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheSixPortalOperations()
    {
        using var shop = new DemoShopFactory();
        var document = JsonNode.Parse(await shop.CreateClient().GetStringAsync("/openapi/v1.json", Ct))!;

        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith(Api + "/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Value is JsonObject).Select(m => (Path: p.Key, Method: m.Key, Operation: m.Value!)))
            .ToList();

        Assert.Equal(
            [
                ("get", "/api/returns/labels"),
                ("get", "/api/returns/orders/{orderNumber}"),
                ("get", "/api/returns/orders/{orderNumber}/returns/{rma}"),
                ("post", "/api/returns/orders/{orderNumber}/quote"),
                ("post", "/api/returns/orders/{orderNumber}/returns"),
                ("post", "/api/returns/session"),
            ],
            operations.Select(o => (o.Method, o.Path)).Order());
        Assert.All(operations, o => Assert.False(string.IsNullOrEmpty((string?)o.Operation["summary"]), $"{o.Method} {o.Path} has no summary."));
        Assert.All(operations, o => Assert.Equal("Returns portal", (string?)o.Operation["tags"]![0]));
        // The page and the demo shop's own pages are not API operations.
        Assert.DoesNotContain(document["paths"]!.AsObject(), p => p.Key.StartsWith("/returns", StringComparison.Ordinal) || p.Key == "/");
    }

    [Fact]
    public async Task Page_HostPassesOrderAndLanguage_IslandCarriesThemAndItalianTexts()
    {
        using var shop = new DemoShopFactory();
        var client = shop.CreateClient();

        var html = await client.GetStringAsync($"/returns?order={Anna}&lang=it", Ct);
        var island = Island(html);

        Assert.Contains("<html lang=\"it\">", html, StringComparison.Ordinal);
        Assert.Equal("it", (string?)island["language"]);
        Assert.Equal(Anna, (string?)island["orderNumber"]);
        Assert.Equal(Api, (string?)island["api"]);
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
            Assert.Empty(texts.Where(p => (string?)p.Value == (string?)english[p.Key] && p.Key is not "options.distance").Select(p => $"{language}: {p.Key}"));
        }
    }
}
