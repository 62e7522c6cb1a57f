using System.Text.Json;
using System.Text.Json.Nodes;
using Returns.Sdk.Grading;

namespace Returns.Sdk.Tests.Grading;

// The shipped example rules (samples/Returns.Cli/data/grading.json), a small base document that each loading test
// bends to the mistake it checks, and builders for declarations.
internal static class GradingFixtures
{
    public const string BaseRules = """
        {
          "default": {
            "rules": [
              { "name": "defect", "when": { "defectDescribed": true }, "then": { "grade": "D", "confidence": 0.8, "explanation": "Defect." } },
              { "name": "new", "when": { "packaging": ["sealed"], "signsOfUse": ["none"], "defectDescribed": false }, "then": { "grade": "A", "confidence": 0.9, "explanation": "New." } },
              { "name": "rest", "then": { "grade": "C", "confidence": 0.7, "explanation": "Used." } }
            ],
            "dispositions": {
              "A": ["restock_as_new"],
              "B": ["repackage_and_restock"],
              "C": ["sell_as_outlet"],
              "D": ["return_to_vendor"],
              "X": ["destroy"]
            },
            "discrepancyRefunds": {
              "A": { "action": "full_refund" },
              "B": { "action": "full_refund" },
              "C": { "action": "deduct", "percent": 20 },
              "D": { "action": "deduct", "percent": 50 },
              "X": { "action": "reject" }
            }
          },
          "categories": [
            {
              "category": "apparel",
              "tagged": true,
              "rules": [
                { "name": "new-with-tags", "when": { "signsOfUse": ["none"], "tags": ["attached"], "defectDescribed": false }, "then": { "grade": "A", "confidence": 0.9, "explanation": "New with tags." } }
              ]
            }
          ]
        }
        """;

    private static readonly Lazy<GradingRules> ShippedRules = new(() => GradingRules.LoadFileAsync(ShippedPath).GetAwaiter().GetResult());

    public static string ShippedPath => Path.Combine(AppContext.BaseDirectory, "data", "grading.json");

    public static GradingRules Shipped => ShippedRules.Value;

    public static ConditionGrader ShippedGrader => new(Shipped);

    public static string RulesJson(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(BaseRules)!.AsObject();
        change(document);
        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static GradingRules Rules(Action<JsonObject>? change = null) => GradingRules.Parse(RulesJson(change ?? (_ => { })), "rules.json");

    public static JsonNode Json(string json) => JsonNode.Parse(json)!;

    public static JsonObject Default(JsonObject document) => document["default"]!.AsObject();

    public static JsonObject Category(JsonObject document, int index = 0) => document["categories"]![index]!.AsObject();

    public static DeclaredCondition Declared(
        PackagingState packaging = PackagingState.Sealed,
        UsageLevel use = UsageLevel.None,
        bool? tags = null,
        string? defect = null,
        int photos = 0) =>
        new(packaging, use) { TagsAttached = tags, DefectDescription = defect, PhotoCount = photos };

    public static GradingInput Line(string category, DeclaredCondition condition, ReturnReason? reason = null, bool hygiene = false, string? lineId = null) =>
        new(new ProductAttributes(category) { Hygiene = hygiene }, condition, reason ?? ReturnReason.ChangedMind) { LineId = lineId };
}
