using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using static Returns.AspNetCore.Tests.StoreDesk.StoreDeskHost;

namespace Returns.AspNetCore.Tests.StoreDesk;

public sealed class StoreDeskEndpointTests
{
    // Unworn trainers (stay in a store that restocks as new) and a worn T-shirt (sent to the warehouse's outlet).
    private const string TwoItems = """
        {
          "orderNumber": "WEB-1",
          "items": [
            { "sku": "SNK-42", "quantity": 1, "reasonCode": "too_large", "packaging": "sealed", "signsOfUse": "none" },
            { "sku": "TEE-M", "quantity": 1, "reasonCode": "changed_mind", "packaging": "opened", "signsOfUse": "light", "tagsAttached": false }
          ]
        }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/assets/desk.js")]
    [InlineData("/api/orders?query=WEB-1")]
    public async Task AnyEndpoint_Anonymous_Returns401(string path)
    {
        await using var host = await StartAsync();

        var response = await host.Client(associate: null).GetAsync(Prefix + path, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Page_AnonymousWithCookieScheme_RedirectsToTheSchemesLogin()
    {
        await using var host = await StartAsync(cookies: true);

        var response = await host.Client(associate: null).GetAsync(Prefix + "/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyEndpoint_AssociateWithoutOrWithSeveralStores_Returns403()
    {
        await using var host = await StartAsync();

        var none = await host.ClientWithoutStore().GetAsync(Prefix + "/api/orders?query=WEB-1", Ct);
        var page = await host.ClientWithoutStore().GetAsync(Prefix + "/", Ct);
        var two = await host.Client("assoc-17", Amsterdam, Utrecht).PostAsync(Prefix + "/api/preview", Json(TwoItems), Ct);

        Assert.Equal(HttpStatusCode.Forbidden, none.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, two.StatusCode);
    }

    [Fact]
    public async Task AnyEndpoint_NamedPolicy_IsRequiredOnTopOfTheStoreClaim()
    {
        await using var host = await StartAsync(
            o => o.AuthorizationPolicy = "desk-staff",
            a => a.AddPolicy("desk-staff", p => p.RequireRole("desk")));
        var withRole = host.Client();
        withRole.DefaultRequestHeaders.Add(TestAssociateHandler.RoleHeader, "desk");

        var without = await host.Client().GetAsync(Prefix + "/api/orders?query=WEB-1", Ct);
        var with = await withRole.GetAsync(Prefix + "/api/orders?query=WEB-1", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, without.StatusCode);
        Assert.Equal(HttpStatusCode.OK, with.StatusCode);
    }

    [Fact]
    public async Task MapReturnsStoreDesk_WithoutTheSdkDesk_SaysWhatToRegister()
    {
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(desk: false));

        Assert.Contains("AddStoreReturnDesk", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?lang=it", null, "it", "Banco resi del negozio", "Cerca")]
    [InlineData("", "fr-CH, fr;q=0.9, en;q=0.5", "fr", "Comptoir des retours en magasin", "Rechercher")]
    [InlineData("?lang=de", "de-DE", "en", "Store returns desk", "Find")]
    public async Task Page_LanguageFromQueryOrBrowser_ServesTheTextsOfThatResx(string query, string? acceptLanguage, string language, string title, string findButton)
    {
        await using var host = await StartAsync();
        var client = host.Client();
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        }

        var response = await client.GetAsync(Prefix + "/" + query, Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var island = Island(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\">", html, StringComparison.Ordinal);
        Assert.Contains($"<title>{title}</title>", html, StringComparison.Ordinal);
        Assert.Equal(language, (string?)island["language"]);
        Assert.Equal(findButton, (string?)island["texts"]!["find.button"]);
        Assert.Equal(Amsterdam, (string?)island["storeId"]);
        Assert.Equal(Prefix + "/api", (string?)island["api"]);
        Assert.Contains("too_large", island["reasons"]!.AsArray().Select(r => (string?)r));
        Assert.Contains($"src=\"{Prefix}/assets/desk.js\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_EveryLanguage_HasTheSameKeysAsEnglish()
    {
        await using var host = await StartAsync();
        var client = host.Client();

        var english = Island(await client.GetStringAsync(Prefix + "/?lang=en", Ct))["texts"]!.AsObject();
        foreach (var language in new[] { "it", "fr" })
        {
            var texts = Island(await client.GetStringAsync(Prefix + "/?lang=" + language, Ct))["texts"]!.AsObject();
            Assert.Equal(english.Select(p => p.Key).Order(StringComparer.Ordinal), texts.Select(p => p.Key).Order(StringComparer.Ordinal));

            // Only names, codes and placeholders may read the same as in English.
            var untranslated = texts.Where(p => (string?)p.Value == (string?)english[p.Key]
                && !p.Key.StartsWith("lang.", StringComparison.Ordinal) && p.Key is not ("order.returnLine" or "field.sku" or "preview.tender")).Select(p => p.Key);
            Assert.Empty(untranslated);
        }
    }

    [Fact]
    public async Task PageAndApi_Always_SendStrictCspAndForbidFraming()
    {
        await using var host = await StartAsync();
        var client = host.Client();

        foreach (var path in new[] { "/", "/api/orders?query=WEB-1" })
        {
            var response = await client.GetAsync(Prefix + path, Ct);
            var csp = response.Headers.GetValues("Content-Security-Policy").Single();

            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        }
    }

    [Fact]
    public async Task Page_Markup_HasNoInlineScriptStyleOrHandlers()
    {
        await using var host = await StartAsync();

        var html = await host.Client().GetStringAsync(Prefix + "/", Ct);
        var withoutIsland = html.Remove(html.IndexOf("<script type=\"application/json\"", StringComparison.Ordinal), html.IndexOf("</script>", StringComparison.Ordinal) + 9 - html.IndexOf("<script type=\"application/json\"", StringComparison.Ordinal));

        Assert.DoesNotContain("style=", withoutIsland, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", withoutIsland, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", withoutIsland, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("<script src=\"[^\"]+\" defer></script>", withoutIsland);
    }

    [Theory]
    [InlineData("WEB-1")]
    [InlineData(" web-1 ")]
    [InlineData("ANNA@example.com")]
    public async Task FindOrders_ByNumberOrEmail_ListsTheOrderWithUnitsLeft(string query)
    {
        await using var host = await StartAsync();

        var response = await host.Client().GetAsync(Prefix + "/api/orders?query=" + Uri.EscapeDataString(query), Ct);
        var answer = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = answer["orders"]!.AsArray().Single(o => (string?)o!["number"] == "WEB-1")!;
        Assert.Equal("EUR", (string?)order["currency"]);
        var tee = order["lines"]!.AsArray().Single(l => (string?)l!["sku"] == "TEE-M")!;
        Assert.Equal((3, 3, 19.95m), ((int)tee["quantity"]!, (int)tee["unitsLeft"]!, (decimal)tee["unitPrice"]!));
        Assert.Empty(order["openReturns"]!.AsArray());
        Assert.Null(answer["return"]);
    }

    [Fact]
    public async Task FindOrders_ByTheRmaOfAPortalReturn_FindsTheOrderAndTheOpenReturn()
    {
        await using var host = await StartAsync();
        var lifecycle = host.Services.GetRequiredService<ReturnLifecycle>();
        var portal = await lifecycle.CreateAsync(
            new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "2", "SNK-42", 1, "too_large") { Condition = new DeclaredCondition(PackagingState.Sealed, UsageLevel.None) }]) { Method = ReturnMethod.InStore },
            new IdempotencyKey("portal-1"),
            ReturnActor.Customer,
            Ct);
        await lifecycle.AuthorizeAsync(portal.Rma, new IdempotencyKey("portal-2"), ReturnActor.System, cancellationToken: Ct);

        // A QR reader types the RMA; case and the check symbol are what RmaNumber parses.
        var answer = await ReadJsonAsync(await host.Client().GetAsync(Prefix + "/api/orders?query=" + portal.Rma.Value.ToLowerInvariant(), Ct));

        Assert.Equal(portal.Rma.Value, (string?)answer["return"]!["rma"]);
        Assert.True((bool)answer["return"]!["open"]!);
        Assert.Equal("authorized", (string?)answer["return"]!["state"]);
        Assert.Equal("sealed", (string?)answer["return"]!["lines"]![0]!["packaging"]);
        var order = answer["orders"]!.AsArray().Single()!;
        Assert.Equal(portal.Rma.Value, (string?)order["openReturns"]![0]!["rma"]);
        Assert.Equal(0, (int)order["lines"]!.AsArray().Single(l => (string?)l!["sku"] == "SNK-42")!["unitsLeft"]!);
    }

    [Theory]
    [InlineData("WEB-404")]
    [InlineData("nobody@example.com")]
    [InlineData("RMA-00000-00000")]
    [InlineData("")]
    public async Task FindOrders_UnknownQuery_Returns200WithAnEmptyList(string query)
    {
        await using var host = await StartAsync();

        var response = await host.Client().GetAsync(Prefix + "/api/orders?query=" + Uri.EscapeDataString(query), Ct);
        var answer = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(answer["orders"]!.AsArray());
    }

    [Fact]
    public async Task Preview_TwoItems_GradesRoutesAndPricesPerTenderWithoutRecording()
    {
        await using var host = await StartAsync();

        var response = await host.Client().PostAsync(Prefix + "/api/preview", Json(TwoItems), Ct);
        var answer = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var shoes = answer["lines"]!.AsArray().Single(l => (string?)l!["sku"] == "SNK-42")!;
        var tee = answer["lines"]!.AsArray().Single(l => (string?)l!["sku"] == "TEE-M")!;
        Assert.Equal(("A", "restock_as_new", Amsterdam, true), ((string?)shoes["grade"], (string?)shoes["disposition"], (string?)shoes["siteId"], (bool)shoes["keptInStore"]!));
        Assert.Equal(("C", "sell_as_outlet", Warehouse, false), ((string?)tee["grade"], (string?)tee["disposition"], (string?)tee["siteId"], (bool)tee["keptInStore"]!));
        Assert.False(string.IsNullOrWhiteSpace((string?)tee["explanation"]));
        var refund = answer["refunds"]!.AsArray().Single()!;
        var tenders = refund["tenders"]!.AsArray();
        Assert.Equal(100.40m, (decimal)refund["payout"]!); // 83.69 + 16.71, no fee in store
        Assert.Equal(100.40m, tenders.Sum(t => (decimal)t!["amount"]!));
        Assert.All(tenders, t => Assert.Contains((string?)t!["kind"], new[] { "card", "gift_card" }));
        Assert.Contains(tenders, t => (string?)t!["reference"] == "psp_card");
        Assert.Null(refund["status"]);
        Assert.Empty(await host.Store.FindByOrderAsync("WEB-1", Ct));
        Assert.Empty(host.Gateway.Calls);
    }

    [Fact]
    public async Task Confirm_SameIdempotencyKeyTwice_OneReturnOneRefund()
    {
        await using var host = await StartAsync();
        var client = host.Client();

        var first = await client.SendAsync(Confirm(TwoItems, "key-1"), Ct);
        var again = await client.SendAsync(Confirm(TwoItems, "key-1"), Ct);
        var receipt = await ReadJsonAsync(first);
        var repeated = await ReadJsonAsync(again);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal((string?)receipt["rma"], (string?)repeated["rma"]);
        Assert.Equal("refunded", (string?)receipt["state"]);
        Assert.Equal((Amsterdam, "assoc-17"), ((string?)receipt["storeId"], (string?)receipt["associateId"]));
        var refund = receipt["refunds"]!.AsArray().Single()!;
        Assert.Equal("succeeded", (string?)refund["status"]);
        Assert.Equal(100.40m, refund["tenders"]!.AsArray().Sum(t => (decimal)t!["amount"]!));
        Assert.Single(host.Gateway.Calls);
        var stored = Assert.Single(await host.Store.FindByOrderAsync("WEB-1", Ct));
        Assert.Equal(((string?)receipt["rma"], Amsterdam, "assoc-17"), (stored.Rma.Value, stored.StoreHandling!.StoreId, stored.StoreHandling.AssociateId));
    }

    [Fact]
    public async Task Confirm_OrderNumberTypedInAnotherCase_StillContinuesTheSameVisit()
    {
        await using var host = await StartAsync();
        var client = host.Client();

        var first = await ReadJsonAsync(await client.SendAsync(Confirm(TwoItems, "key-case"), Ct));
        var again = await ReadJsonAsync(await client.SendAsync(Confirm(TwoItems.Replace("\"WEB-1\"", "\"web-1\"", StringComparison.Ordinal), "key-case"), Ct));

        Assert.Equal((string?)first["rma"], (string?)again["rma"]);
        Assert.Single(host.Gateway.Calls);
    }

    [Fact]
    public async Task Confirm_SameKeyFromTwoStores_AreTwoSeparateReturns()
    {
        await using var host = await StartAsync();
        const string oneTee = """{ "orderNumber": "WEB-1", "items": [ { "sku": "TEE-M", "quantity": 1, "reasonCode": "too_small", "packaging": "sealed", "signsOfUse": "none" } ] }""";

        var amsterdam = await ReadJsonAsync(await host.Client("assoc-17", Amsterdam).SendAsync(Confirm(oneTee, "same"), Ct));
        var utrecht = await ReadJsonAsync(await host.Client("assoc-99", Utrecht).SendAsync(Confirm(oneTee, "same"), Ct));

        Assert.NotEqual((string?)amsterdam["rma"], (string?)utrecht["rma"]);
        Assert.Equal((Amsterdam, Utrecht), ((string?)amsterdam["storeId"], (string?)utrecht["storeId"]));
        Assert.Equal(2, host.Gateway.Calls.Count);
    }

    [Theory]
    [InlineData(null, "is missing.")]
    [InlineData("", "is missing.")]
    [InlineData("has space", "is not")]
    [InlineData("é-not-ascii", "is not")]
    public async Task Confirm_WithoutAUsableIdempotencyKey_Returns400AndRecordsNothing(string? key, string message)
    {
        await using var host = await StartAsync();

        var response = await host.Client().SendAsync(Confirm(TwoItems, key), Ct);
        var problem = await ReadJsonAsync(response);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Idempotency-Key", (string?)problem["errors"]![0]!["path"]);
        Assert.StartsWith(message, (string?)problem["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Empty(await host.Store.FindByOrderAsync("WEB-1", Ct));
        Assert.Empty(host.Gateway.Calls);
    }

    [Fact]
    public async Task Confirm_KeyLongerThan180_Returns400()
    {
        await using var host = await StartAsync();

        var ok = await host.Client().SendAsync(Confirm(TwoItems, new string('k', 180)), Ct);
        var tooLong = await host.Client().SendAsync(Confirm(TwoItems.Replace("WEB-1", "WEB-2", StringComparison.Ordinal), new string('k', 181)), Ct);

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task Preview_BadItems_Returns400ProblemNamingEveryPath()
    {
        await using var host = await StartAsync();
        const string body = """
            {
              "orderNumber": "WEB-1",
              "items": [
                { "sku": "SNK-42", "quantity": 1, "reasonCode": "too_large", "packaging": "crushed", "signsOfUse": "none" },
                { "sku": "", "quantity": 1, "reasonCode": "", "packaging": "sealed", "signsOfUse": "worn" }
              ]
            }
            """;
        const string sdkBody = """
            {
              "orderNumber": "WEB-1",
              "items": [
                { "sku": "NOT-SOLD", "quantity": 1, "reasonCode": "too_small", "packaging": "sealed", "signsOfUse": "none" },
                { "sku": "TEE-M", "quantity": 4, "reasonCode": "too_small", "packaging": "sealed", "signsOfUse": "none" }
              ]
            }
            """;

        var shape = await host.Client().PostAsync(Prefix + "/api/preview", Json(body), Ct);
        var rules = await host.Client().PostAsync(Prefix + "/api/preview", Json(sdkBody), Ct);
        var typed = await host.Client().PostAsync(Prefix + "/api/preview", Json("""{ "orderNumber": "WEB-1", "items": [ { "sku": "TEE-M", "quantity": "two" } ] }"""), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, shape.StatusCode);
        Assert.Equal(["items[0].packaging", "items[1].sku", "items[1].reasonCode", "items[1].signsOfUse"], Paths(await ReadJsonAsync(shape)));
        var sdkProblem = await ReadJsonAsync(rules);
        Assert.Equal(["items[0].sku", "items[1].quantity"], Paths(sdkProblem));
        Assert.Contains("3 unit(s) of 'TEE-M' left", (string?)sdkProblem["errors"]![1]!["message"], StringComparison.Ordinal);
        Assert.Equal("https://returns-sdk.dev/problems/validation", (string?)sdkProblem["type"]);
        Assert.Equal(400, (int)sdkProblem["status"]!);
        Assert.Equal(["items[0].quantity"], Paths(await ReadJsonAsync(typed)));
    }

    [Fact]
    public async Task PreviewAndConfirm_BodyNamingAStoreOrAssociate_AreRefused()
    {
        await using var host = await StartAsync();
        var withStore = TwoItems.Replace("\"orderNumber\"", "\"storeId\": \"ST-AMS\", \"orderNumber\"", StringComparison.Ordinal);
        var withAssociate = TwoItems.Replace("\"orderNumber\"", "\"associateId\": \"boss\", \"orderNumber\"", StringComparison.Ordinal);
        var client = host.Client("assoc-99", Utrecht);

        var preview = await client.PostAsync(Prefix + "/api/preview", Json(withStore), Ct);
        var confirm = await client.SendAsync(Confirm(withAssociate, "key-x"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, preview.StatusCode);
        Assert.Equal(["storeId"], Paths(await ReadJsonAsync(preview)));
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Equal(["associateId"], Paths(await ReadJsonAsync(confirm)));
        Assert.Empty(await host.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task Confirm_AssociateOfAnotherStore_ActsForTheirOwnStoreOnly()
    {
        await using var host = await StartAsync();

        var response = await host.Client("assoc-99", Utrecht).SendAsync(Confirm(TwoItems, "key-utr"), Ct);
        var receipt = await ReadJsonAsync(response);

        // Utrecht keeps nothing itself, so even the unworn trainers go to the warehouse; Amsterdam's stock is untouched.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((Utrecht, "assoc-99"), ((string?)receipt["storeId"], (string?)receipt["associateId"]));
        Assert.All(receipt["lines"]!.AsArray(), l => Assert.Equal((Warehouse, false), ((string?)l!["siteId"], (bool)l["keptInStore"]!)));
        var stored = Assert.Single(await host.Store.FindByOrderAsync("WEB-1", Ct));
        Assert.Equal(Utrecht, stored.StoreHandling!.StoreId);
        Assert.Equal(Utrecht, Assert.Single(host.Gateway.Payments).HandledAtStoreId);
    }

    [Theory]
    [InlineData("/api/preview", "application/x-www-form-urlencoded", "orderNumber=WEB-1")]
    [InlineData("/api/preview", "text/plain", TwoItems)]
    [InlineData("/api/confirm", "multipart/form-data; boundary=x", "--x--")]
    [InlineData("/api/confirm", "text/plain", TwoItems)]
    public async Task PostApi_NonJsonContentType_Returns415(string path, string contentType, string content)
    {
        await using var host = await StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, Prefix + path) { Content = new StringContent(content) };
        request.Content.Headers.Remove("Content-Type");
        request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        request.Headers.TryAddWithoutValidation("Idempotency-Key", "key-415");

        var response = await host.Client().SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(await host.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task Assets_PageFiles_AreServedWithTheirTypes()
    {
        await using var host = await StartAsync();
        var client = host.Client();

        var script = await client.GetAsync(Prefix + "/assets/desk.js", Ct);
        var style = await client.GetAsync(Prefix + "/assets/desk.css", Ct);

        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/css", style.Content.Headers.ContentType!.MediaType);
        Assert.Contains("desk-confirm", await script.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..%2Fdesk.js")]
    [InlineData("..%2F..%2FReturns.AspNetCore.dll")]
    [InlineData(".desk.js")]
    [InlineData("DESK.JS")]
    [InlineData("desk.js%20")]
    [InlineData("StoreDeskTexts.resources")]
    [InlineData("..%5Cdesk.js")]
    [InlineData("portal.js")]
    public async Task Assets_PathTraversalOrUnknownName_Returns404(string name)
    {
        await using var host = await StartAsync();

        var response = await host.Client().GetAsync(Prefix + "/assets/" + name, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static JsonNode Island(string html)
    {
        const string open = "<script type=\"application/json\" id=\"island\">";
        var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        return JsonNode.Parse(html[start..end])!;
    }

    private static string[] Paths(JsonNode problem) => [.. problem["errors"]!.AsArray().Select(e => (string)e!["path"]!)];
}
