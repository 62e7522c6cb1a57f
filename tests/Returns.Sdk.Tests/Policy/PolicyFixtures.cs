using System.Globalization;
using System.Text.Json.Nodes;
using Returns.Sdk.Policy;

namespace Returns.Sdk.Tests.Policy;

// Builds policies and orders for tests: a plain base policy that each test bends to the case it checks.
internal static class PolicyFixtures
{
    public const string BasePolicy = """
        {
          "policyId": "test",
          "versions": [
            {
              "version": "v1",
              "effectiveFrom": "2026-01-01",
              "timeZone": "Europe/Amsterdam",
              "currencies": ["EUR"],
              "window": { "days": 30 },
              "fees": {
                "methods": {
                  "in_store": { "EUR": 0 },
                  "post_office": { "EUR": 3.95 },
                  "home_pickup": { "EUR": 6.95 }
                }
              }
            }
          ]
        }
        """;

    public static readonly DateTimeOffset Placed = At("2026-03-02T10:00:00+01:00");
    public static readonly DateTimeOffset Delivered = At("2026-03-04T15:30:00+01:00");

    public static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    public static ReturnPolicy TestPolicy(Action<JsonObject>? change = null)
    {
        var document = JsonNode.Parse(BasePolicy)!.AsObject();
        change?.Invoke(Version(document));
        return ReturnPolicy.Parse(document.ToJsonString(), "test-policy.json");
    }

    public static string PolicyJson(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(BasePolicy)!.AsObject();
        change(Version(document));
        return document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
    }

    public static JsonObject Version(JsonObject document) => document["versions"]![0]!.AsObject();

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;

    public static ProductAttributes Product(string category = "apparel") => new(category);

    public static OrderLine Line(string id, decimal unitPrice = 50m, int quantity = 1, ProductAttributes? product = null, string? sku = null) =>
        new(id, sku ?? "SKU-" + id, quantity, new Money(unitPrice, Currency.EUR), product ?? Product());

    public static Order Order(
        IReadOnlyList<OrderLine>? lines = null,
        SalesChannel channel = SalesChannel.Web,
        string country = "NL",
        DateTimeOffset? placed = null,
        DateTimeOffset? delivered = null,
        bool undelivered = false,
        string? tier = null) =>
        new("ORD-1", channel, Currency.EUR, placed ?? Placed, new Customer("C-1") { Tier = tier }, lines ?? [Line("1")])
        {
            DeliveredAt = undelivered ? null : delivered ?? Delivered,
            ShippingAddress = new Address(CountryCode.Parse(country), "1012AB"),
        };

    public static PolicyEvaluation Evaluate(ReturnPolicy policy, Order order, DateTimeOffset at, IReadOnlyList<RequestedReturnLine>? items = null, IReadOnlyDictionary<string, int>? returned = null, Money? cost = null) =>
        new ReturnPolicyEngine(policy, TimeProvider.System).Evaluate(new PolicyEvaluationRequest(order)
        {
            At = at,
            Items = items,
            AlreadyReturned = returned,
            EstimatedReturnCost = cost,
        });
}
