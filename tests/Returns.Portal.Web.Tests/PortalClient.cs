using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Returns.Portal.Web.Tests;

/// <summary>Calls the portal API as the portal page does.</summary>
internal sealed class PortalClient(HttpClient http)
{
    public const string Api = "/api/returns";

    public HttpClient Http => http;

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public Task<HttpResponseMessage> LookUpAsync(string orderNumber, string emailOrPostcode) =>
        http.PostAsync(Api + "/session", Json(new JsonObject { ["orderNumber"] = orderNumber, ["emailOrPostcode"] = emailOrPostcode }.ToJsonString()), TestContext.Current.CancellationToken);

    public async Task<string> SessionAsync(string orderNumber, string emailOrPostcode)
    {
        var response = await LookUpAsync(orderNumber, emailOrPostcode);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
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

        return http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static async Task<JsonNode> ReadAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
}
