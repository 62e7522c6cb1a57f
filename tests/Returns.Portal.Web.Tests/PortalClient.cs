using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Returns.Portal.Web.Tests;

/// <summary>Calls the portal API as the portal page does, and reads its answers and the page's JSON island.</summary>
internal sealed partial class PortalClient(HttpClient http)
{
    public const string Api = "/api/returns";
    public const string Anna = "WEB-100234";
    public const string Marco = "WEB-100235";

    /// <summary>Line 1 of Anna's order, the running shoes, tried on and too small.</summary>
    public const string ShoesOnly = """{"items":[{"lineId":"1","quantity":1,"reasonCode":"too_small","packaging":"opened","signsOfUse":"light"}]}""";

    /// <summary>Line 1 of Marco's order.</summary>
    public const string MarcosFirstLine = """{"items":[{"lineId":"1","quantity":1,"reasonCode":"changed_mind","packaging":"sealed","signsOfUse":"none"}]}""";

    public HttpClient Http => http;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> LookUpAsync(string orderNumber, string emailOrPostcode) =>
        http.PostAsync(Api + "/session", Json(new JsonObject { ["orderNumber"] = orderNumber, ["emailOrPostcode"] = emailOrPostcode }.ToJsonString()), Ct);

    public async Task<string> SessionAsync(string orderNumber, string emailOrPostcode)
    {
        var response = await LookUpAsync(orderNumber, emailOrPostcode);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (string)(await ReadAsync(response))["token"]!;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, Api + path) { Content = json is null ? null : Json(json) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return http.SendAsync(request, Ct);
    }

    public async Task<JsonNode> BookAsync(string orderNumber, string token, string items, string optionKey, string? labelMode, string idempotencyKey)
    {
        var response = await SendAsync(HttpMethod.Post, $"/orders/{orderNumber}/returns", token, Confirm(items, optionKey, labelMode), idempotencyKey);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync(response);
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>(Ct))!;

    /// <summary>A confirmation body: the quoted items plus the chosen option and label mode.</summary>
    public static string Confirm(string items, string optionKey, string? labelMode)
    {
        var body = JsonNode.Parse(items)!.AsObject();
        body["optionKey"] = optionKey;
        body["labelMode"] = labelMode;
        return body.ToJsonString();
    }

    /// <summary>The settings and texts the page hands its script, parsed from the page's HTML.</summary>
    public static JsonNode Island(string html)
    {
        var match = IslandPattern().Match(html);
        Assert.True(match.Success, "The page has no <script type=\"application/json\" id=\"island\">.");
        return JsonNode.Parse(match.Groups[1].Value)!;
    }

    /// <summary>The field paths of a validation problem, sorted.</summary>
    public static List<string> Paths(JsonNode problem) =>
        [.. problem["errors"]!.AsArray().Select(e => (string)e!["path"]!).Order(StringComparer.Ordinal)];

    [GeneratedRegex("""<script type="application/json" id="island">(.*?)</script>""", RegexOptions.Singleline)]
    private static partial Regex IslandPattern();
}
