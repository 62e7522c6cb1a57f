using System.Text;
using Returns.Sdk.Policy;
using static Returns.Sdk.Tests.Policy.PolicyFixtures;

namespace Returns.Sdk.Tests.Policy;

public sealed class ReturnPolicyLoadingTests
{
    private static ReturnsValidationException Reject(string json) =>
        Assert.Throws<ReturnsValidationException>(() => ReturnPolicy.Parse(json, "policy.json"));

    private static ValidationError RejectOne(string json, string expectedPath)
    {
        var error = Reject(json);
        return Assert.Single(error.Errors, e => e.Path == expectedPath);
    }

    [Fact]
    public async Task LoadFileAsync_DemoPolicy_Loads()
    {
        var policy = await ReturnPolicy.LoadFileAsync(Path.Combine(AppContext.BaseDirectory, "data", "policy.json"), cancellationToken: TestContext.Current.CancellationToken);

        var version = Assert.Single(policy.Versions);
        Assert.Equal(("demo-shop", "2026.1", 30, true), (policy.PolicyId, version.Version, version.WindowDays, version.AppliesEuWithdrawal));
        Assert.Equal("Europe/Amsterdam", version.TimeZone.Id);
        Assert.Equal(At("2026-01-01T00:00:00+01:00"), version.EffectiveFrom);
    }

    [Fact]
    public void Parse_SyntaxError_NamesFileLineAndColumn()
    {
        var json = "{\n  \"policyId\": \"x\",\n  \"versions\": [ { \"version\": \"v1\" ]\n}";

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("policy.json", error.Source);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("policy.json(3,", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownField_NamesFieldAndPath()
    {
        var json = PolicyJson(v => v["window"] = Json("""{ "days": 30, "dayz": 3 }"""));

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.versions[0].window.dayz", error.Path);
        Assert.Contains("unknown field 'dayz'", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Parse_WrongType_SaysWhatWasExpected()
    {
        var json = PolicyJson(v => v["window"] = Json("""{ "days": "thirty" }"""));

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.versions[0].window.days", error.Path);
        Assert.Equal("expected a whole number.", error.Message);
    }

    [Fact]
    public void Parse_DuplicateProperty_Rejected()
    {
        var json = """{ "policyId": "a", "policyId": "b", "versions": [] }""";

        Assert.Equal("the field 'policyId' appears twice in the same object.", Assert.Single(Reject(json).Errors).Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    public void Parse_NotAPolicyObject_Rejected(string json) => Assert.NotEmpty(Reject(json).Errors);

    [Fact]
    public void Parse_TooLarge_RejectedBeforeParsing()
    {
        var json = "{\"policyId\":\"" + new string('x', ReturnPolicy.MaxDocumentBytes) + "\"}";

        Assert.Contains("at most", Assert.Single(Reject(json).Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_StreamLargerThanLimit_Rejected()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', ReturnPolicy.MaxDocumentBytes + 10)));

        await Assert.ThrowsAsync<ReturnsValidationException>(() => ReturnPolicy.LoadAsync(stream, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Parse_MissingRequiredFields_AllReportedWithPositions()
    {
        var json = """
            {
              "policyId": "x",
              "versions": [
                { "version": "v1", "currencies": ["EUR"], "window": {}, "fees": { "methods": { "in_store": { "EUR": 0 } } } }
              ]
            }
            """;

        var errors = Reject(json).Errors;

        Assert.Equal(["$.versions[0].effectiveFrom", "$.versions[0].window.days"], errors.Select(e => e.Path));
        // A missing field is located at its parent object in the source.
        Assert.All(errors, e => Assert.Equal(4, e.Line));
    }

    [Theory]
    [InlineData("""{ "days": -1 }""", "$.versions[0].window.days")]
    [InlineData("""{ "days": 5000 }""", "$.versions[0].window.days")]
    public void Parse_WindowOutOfRange_Rejected(string window, string path) =>
        RejectOne(PolicyJson(v => v["window"] = Json(window)), path);

    [Fact]
    public void Parse_BadValues_EachNamed()
    {
        var json = PolicyJson(v =>
        {
            v["timeZone"] = "Mars/Olympus";
            v["currencies"] = Json("""["EUR", "EURO"]""");
            v["jurisdictions"] = Json("""["us_ftc"]""");
            v["fees"] = Json("""
                {
                  "methods": { "in_store": { "EUR": 0 }, "teleport": { "EUR": 1 }, "post_office": { "EUR": -2 }, "mailbox": { "EUR": 1.999 } },
                  "waivedForReasons": ["bored"],
                  "waivedForFaults": ["gremlins"],
                  "restocking": [{ "percent": 120 }]
                }
                """);
            v["refunds"] = Json("""{ "allowed": ["cash"] }""");
            v["windowRules"] = Json("""[{ "when": { "channels": ["telepathy"], "countries": ["ZZ"] }, "days": 3 }]""");
        });

        var paths = Reject(json).Errors.Select(e => e.Path).ToArray();

        Assert.Equal(
            [
                "$.versions[0].currencies[1]",
                "$.versions[0].fees.methods.mailbox.EUR",
                "$.versions[0].fees.methods.post_office.EUR",
                "$.versions[0].fees.methods.teleport",
                "$.versions[0].fees.restocking[0].percent",
                "$.versions[0].fees.waivedForFaults[0]",
                "$.versions[0].fees.waivedForReasons[0]",
                "$.versions[0].jurisdictions[0]",
                "$.versions[0].refunds.allowed[0]",
                "$.versions[0].timeZone",
                "$.versions[0].windowRules[0].when.channels[0]",
                "$.versions[0].windowRules[0].when.countries[0]",
            ],
            paths.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_AmountMissingForADeclaredCurrency_Rejected()
    {
        var json = PolicyJson(v => v["currencies"] = Json("""["EUR", "GBP"]"""));

        var errors = Reject(json).Errors;

        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("GBP", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_CustomReasonFromRetailerTaxonomy_Accepted()
    {
        var json = PolicyJson(v => v["fees"]!["waivedForReasons"] = Json("""["arrived_open"]"""));
        var taxonomy = ReturnReasonTaxonomy.Standard.With(new ReturnReason("arrived_open", ReturnFault.Carrier));

        Assert.Throws<ReturnsValidationException>(() => ReturnPolicy.Parse(json));
        Assert.NotNull(ReturnPolicy.Parse(json, reasons: taxonomy));
    }

    [Fact]
    public void Parse_ShadowedRule_IsContradictory()
    {
        var json = PolicyJson(v => v["windowRules"] = Json("""
            [
              { "name": "Electronics", "when": { "categories": ["electronics", "phones"] }, "days": 14 },
              { "name": "Phones", "when": { "categories": ["phones"], "channels": ["web"] }, "days": 7 }
            ]
            """));

        var error = RejectOne(json, "$.versions[0].windowRules[1].when");

        Assert.Contains("$.versions[0].windowRules[0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("can never apply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NarrowerRuleFirst_IsFine()
    {
        var json = PolicyJson(v => v["windowRules"] = Json("""
            [
              { "when": { "categories": ["phones"], "channels": ["web"] }, "days": 7 },
              { "when": { "categories": ["electronics", "phones"] }, "days": 14 }
            ]
            """));

        Assert.NotNull(ReturnPolicy.Parse(json));
    }

    [Fact]
    public void Parse_RuleForExcludedCategory_IsContradictory()
    {
        var json = PolicyJson(v =>
        {
            v["exclusions"] = Json("""{ "categories": ["food"], "skus": ["A"] }""");
            v["windowRules"] = Json("""[{ "when": { "categories": ["FOOD"] }, "days": 7 }, { "when": { "skus": ["A"] }, "days": 9 }]""");
        });

        var errors = Reject(json).Errors;

        Assert.Equal(["$.versions[0].windowRules[0].when.categories", "$.versions[0].windowRules[1].when.skus"], errors.Select(e => e.Path));
    }

    [Fact]
    public void Parse_RuleWithoutConditions_IsContradictory() =>
        RejectOne(PolicyJson(v => v["windowRules"] = Json("""[{ "when": {}, "days": 7 }]""")), "$.versions[0].windowRules[0].when");

    [Fact]
    public void Parse_EmptyConditionList_Rejected() =>
        RejectOne(PolicyJson(v => v["windowRules"] = Json("""[{ "when": { "categories": [] }, "days": 7 }]""")), "$.versions[0].windowRules[0].when.categories");

    [Fact]
    public void Parse_SeasonalExtensionEndingBeforeItsPurchases_IsContradictory()
    {
        var json = PolicyJson(v => v["seasonalExtensions"] = Json("""
            [{ "name": "Backwards", "purchasedFrom": "2026-12-24", "purchasedTo": "2026-11-15", "returnUntil": "2026-11-01" }]
            """));

        var paths = Reject(json).Errors.Select(e => e.Path);

        Assert.Equal(["$.versions[0].seasonalExtensions[0].purchasedTo", "$.versions[0].seasonalExtensions[0].returnUntil"], paths);
    }

    [Fact]
    public void Parse_StoreCreditBonusWithoutStoreCredit_IsContradictory() =>
        RejectOne(PolicyJson(v => v["refunds"] = Json("""{ "allowed": ["original_payment"], "storeCreditBonusPercent": 10 }""")), "$.versions[0].refunds.storeCreditBonusPercent");

    [Fact]
    public void Parse_TwoVersionsSameInstantOrName_IsContradictory()
    {
        var document = Json(PolicyFixtures.BasePolicy).AsObject();
        document["versions"]!.AsArray().Add(Version(document).DeepClone());

        var paths = Reject(document.ToJsonString()).Errors.Select(e => e.Path);

        Assert.Equal(["$.versions[1].version", "$.versions[1].effectiveFrom"], paths);
    }

    [Fact]
    public void Parse_NoMethods_NothingCouldBeReturned() =>
        RejectOne(PolicyJson(v => v["fees"] = Json("""{ "methods": {} }""")), "$.versions[0].fees.methods");

    [Theory]
    [InlineData("2026-01-01", "2026-01-01T00:00:00+01:00")]
    [InlineData("2026-07-01", "2026-07-01T00:00:00+02:00")]
    [InlineData("2026-07-01T06:00:00Z", "2026-07-01T06:00:00+00:00")]
    public void Parse_EffectiveFrom_DateIsLocalMidnight(string text, string expected) =>
        Assert.Equal(At(expected), TestPolicy(v => v["effectiveFrom"] = text).Versions[0].EffectiveFrom);

    [Theory]
    [InlineData("01/02/2026")]
    [InlineData("2026-07-01T06:00:00")]
    [InlineData("yesterday")]
    public void Parse_EffectiveFrom_AmbiguousOrMalformed_Rejected(string text) =>
        RejectOne(PolicyJson(v => v["effectiveFrom"] = text), "$.versions[0].effectiveFrom");
}
