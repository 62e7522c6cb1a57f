using System.Text;
using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class GradingRulesLoadingTests
{
    private static ReturnsValidationException Reject(string json) =>
        Assert.Throws<ReturnsValidationException>(() => GradingRules.Parse(json, "rules.json"));

    private static ValidationError RejectOne(string json, string path)
    {
        var errors = Reject(json).Errors;
        var error = Assert.Single(errors, e => e.Path == path);
        Assert.Equal("rules.json", error.Source);
        Assert.NotNull(error.Line);
        Assert.NotNull(error.Column);
        return error;
    }

    [Fact]
    public async Task LoadFileAsync_ShippedExample_Loads()
    {
        var rules = await GradingRules.LoadFileAsync(ShippedPath, TestContext.Current.CancellationToken);

        Assert.Equal("demo-shop-grading", rules.Name);
        Assert.Equal(["apparel", "shoes", "electronics", "cosmetics", "furniture"], rules.Categories);
        Assert.Equal([ReturnFault.Retailer, ReturnFault.Carrier], rules.ExemptFaults);
        Assert.True(rules.IsExempt(ReturnFault.Carrier));
        Assert.False(rules.IsExempt(ReturnFault.Customer));
    }

    [Fact]
    public async Task LoadAsync_StreamWithByteOrderMark_Loads()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(BaseRules)).ToArray();
        using var stream = new MemoryStream(bytes);

        var rules = await GradingRules.LoadAsync(stream, "rules.json", TestContext.Current.CancellationToken);

        Assert.Equal(["apparel"], rules.Categories);
        Assert.Equal(RefundConsequence.Deduction(20), rules.DiscrepancyRefundFor(ConditionGrade.C, "apparel"));
    }

    [Fact]
    public async Task LoadAsync_StreamLargerThanLimit_Rejected()
    {
        using var stream = new MemoryStream(new byte[GradingRules.MaxDocumentBytes + 1]);

        await Assert.ThrowsAsync<ReturnsValidationException>(() => GradingRules.LoadAsync(stream, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Parse_SyntaxError_NamesFileLineAndColumn()
    {
        var error = Assert.Single(Reject("{\n  \"default\": {\n    \"rules\": [ }\n}").Errors);

        Assert.Equal(("rules.json", 3), (error.Source, error.Line));
        Assert.StartsWith("malformed JSON", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("42")]
    public void Parse_NotAnObject_Rejected(string json) => Assert.NotEmpty(Reject(json).Errors);

    [Fact]
    public void Parse_UnknownField_NamesItsPath()
    {
        var json = RulesJson(d => Category(d)["rules"]![0]!["when"]!["packagin"] = Json("""["sealed"]"""));

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.categories[0].rules[0].when.packagin", error.Path);
        Assert.Contains("unknown field 'packagin'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tagged", "\"yes\"", "$.categories[0].tagged", "expected true or false.")]
    [InlineData("rules", "{}", "$.categories[0].rules", "expected an array.")]
    public void Parse_WrongType_SaysWhatWasExpected(string field, string value, string path, string message)
    {
        var error = Assert.Single(Reject(RulesJson(d => Category(d)[field] = Json(value))).Errors);

        Assert.Equal((path, message), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_ConfidenceAsText_ExpectsANumber()
    {
        var error = Assert.Single(Reject(RulesJson(d => Default(d)["rules"]![0]!["then"]!["confidence"] = "high")).Errors);

        Assert.Equal(("$.default.rules[0].then.confidence", "expected a number."), (error.Path, error.Message));
    }

    [Fact]
    public void Parse_DuplicateField_Rejected() =>
        Assert.Contains("appears twice", Assert.Single(Reject("""{ "name": "a", "name": "b" }""").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_MissingDefault_Rejected() =>
        Assert.Contains("is required", RejectOne(RulesJson(d => d.Remove("default")), "$.default").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_UnknownGrade_Rejected() =>
        Assert.Equal(
            "'E' is not a grade; expected \"A\", \"B\", \"C\", \"D\" or \"X\".",
            RejectOne(RulesJson(d => Default(d)["rules"]![0]!["then"]!["grade"] = "E"), "$.default.rules[0].then.grade").Message);

    [Fact]
    public void Parse_UnknownGradeInDispositions_Rejected() =>
        RejectOne(RulesJson(d => Default(d)["dispositions"]!["E"] = Json("""["destroy"]""")), "$.default.dispositions.E");

    [Fact]
    public void Parse_UnknownDisposition_Rejected() =>
        Assert.StartsWith(
            "'resell' is not a disposition",
            RejectOne(RulesJson(d => Default(d)["dispositions"]!["C"] = Json("""["resell"]""")), "$.default.dispositions.C[0]").Message,
            StringComparison.Ordinal);

    [Fact]
    public void Parse_UnknownPackagingValue_NamesTheArrayElement() =>
        RejectOne(RulesJson(d => Category(d)["rules"]![0]!["when"]!["packaging"] = Json("""["sealed", "shrinkwrapped"]""")), "$.categories[0].rules[0].when.packaging[1]");

    [Fact]
    public void Parse_EmptyConditionList_Rejected() =>
        Assert.Contains("would match nothing", RejectOne(RulesJson(d => Category(d)["rules"]![0]!["when"]!["packaging"] = Json("[]")), "$.categories[0].rules[0].when.packaging").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_DuplicateCategoryInAnotherCase_Rejected()
    {
        var json = RulesJson(d => d["categories"]!.AsArray().Add(Json("""{ "category": "Apparel", "dispositions": { "C": ["donate"] } }""")));

        Assert.Contains("already listed at $.categories[0]", RejectOne(json, "$.categories[1].category").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "category": "default", "dispositions": { "C": ["donate"] } }""", "$.categories[1].category")]
    [InlineData("""{ "category": " " }""", "$.categories[1].category")]
    [InlineData("""{ "category": "toys" }""", "$.categories[1]")]
    [InlineData("""{ "category": "toys", "rules": [] }""", "$.categories[1].rules")]
    public void Parse_MeaninglessCategory_Rejected(string category, string path) =>
        RejectOne(RulesJson(d => d["categories"]!.AsArray().Add(Json(category))), path);

    [Fact]
    public void Parse_RuleShadowedByAnEarlierRule_NamesTheEarlierRule()
    {
        var json = RulesJson(d => Default(d)["rules"]!.AsArray().Insert(2, Json(
            """{ "name": "sealed-defect", "when": { "packaging": ["sealed"], "defectDescribed": true }, "then": { "grade": "D", "confidence": 0.5, "explanation": "Never." } }""")));

        var error = RejectOne(json, "$.default.rules[2].when");

        Assert.Equal("can never apply: every declaration it matches is already graded by the earlier rule $.default.rules[0] (the first matching rule wins).", error.Message);
    }

    [Fact]
    public void Parse_RuleShadowedByTwoEarlierRules_NamesBoth()
    {
        var json = RulesJson(d => Category(d)["rules"] = Json("""
            [
              { "when": { "signsOfUse": ["none"], "tags": ["attached"], "defectDescribed": false }, "then": { "grade": "A", "confidence": 0.9, "explanation": "New." } },
              { "when": { "signsOfUse": ["none"], "tags": ["removed", "unknown"], "defectDescribed": false }, "then": { "grade": "B", "confidence": 0.8, "explanation": "Tags gone." } },
              { "when": { "signsOfUse": ["none"], "defectDescribed": false }, "then": { "grade": "B", "confidence": 0.5, "explanation": "Never." } }
            ]
            """));

        var error = Assert.Single(Reject(json).Errors);

        Assert.Equal("$.categories[0].rules[2].when", error.Path);
        Assert.Contains("by the earlier rules $.categories[0].rules[0], $.categories[0].rules[1] (", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RuleAfterACatchAll_Rejected() =>
        RejectOne(
            RulesJson(d => Default(d)["rules"]!.AsArray().Add(Json("""{ "name": "late", "when": { "signsOfUse": ["heavy"] }, "then": { "grade": "D", "confidence": 0.5, "explanation": "Late." } }"""))),
            "$.default.rules[3].when");

    [Fact]
    public void Parse_DefaultThatLeavesDeclarationsUngraded_GivesAnExample()
    {
        var error = RejectOne(RulesJson(d => Default(d)["rules"]!.AsArray().RemoveAt(2)), "$.default.rules");

        Assert.Equal(
            "do not grade every declaration, e.g. packaging \"opened\", signs of use \"none\", tags \"unknown\", no defect described, no photo, not a hygiene product, reason fault \"customer\"; end them with a rule without \"when\" so that every line gets a grade.",
            error.Message);
    }

    [Fact]
    public void Parse_CategoryThatDoesNotCoverEverything_Accepted() =>
        Assert.NotNull(Rules());

    [Fact]
    public void Parse_TagsConditionInAnUntaggedCategory_Rejected()
    {
        var json = RulesJson(d => Category(d)["tagged"] = false);

        Assert.Contains("contradicts \"tagged\": false", RejectOne(json, "$.categories[0].rules[0].when.tags").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GradeAForHeavyUse_Rejected()
    {
        var json = RulesJson(d => Category(d)["rules"]![0]!["when"]!["signsOfUse"] = Json("""["none", "heavy"]"""));

        Assert.StartsWith("grade A means new, but the rule also matches heavy signs of use", RejectOne(json, "$.categories[0].rules[0].then.grade").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_GradeBWithoutExcludingDefects_Rejected()
    {
        var json = RulesJson(d => Default(d)["rules"]!.AsArray().Insert(2, Json(
            """{ "when": { "packaging": ["opened"], "signsOfUse": ["none"] }, "then": { "grade": "B", "confidence": 0.8, "explanation": "Opened." } }""")));

        Assert.Contains("described defects", RejectOne(json, "$.default.rules[2].then.grade").Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("X", """["sell_as_outlet"]""", "$.default.dispositions.X[0]")]
    [InlineData("C", """["restock_as_new"]""", "$.default.dispositions.C[0]")]
    [InlineData("B", """["restock_as_new"]""", "$.default.dispositions.B[0]")]
    [InlineData("D", """["recycle", "recycle"]""", "$.default.dispositions.D[1]")]
    [InlineData("D", "[]", "$.default.dispositions.D")]
    public void Parse_DispositionThatContradictsItsGrade_Rejected(string grade, string list, string path) =>
        RejectOne(RulesJson(d => Default(d)["dispositions"]![grade] = Json(list)), path);

    [Fact]
    public void Parse_DefaultWithoutAGradesDispositions_Rejected() =>
        Assert.Contains("grade X", RejectOne(RulesJson(d => Default(d)["dispositions"]!.AsObject().Remove("X")), "$.default.dispositions").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_WorseGradeCostsLessInACategory_Rejected()
    {
        var json = RulesJson(d => Category(d)["discrepancyRefunds"] = Json("""{ "D": { "action": "deduct", "percent": 10 } }"""));

        Assert.Equal(
            "is more lenient for grade D (deduct 10 %) than for the better grade C (deduct 20 %); a worse inspected grade must never cost the customer less.",
            RejectOne(json, "$.categories[0].discrepancyRefunds.D").Message);
    }

    [Theory]
    [InlineData("""{ "action": "deduct" }""", "$.default.discrepancyRefunds.C.percent")]
    [InlineData("""{ "action": "deduct", "percent": 100 }""", "$.default.discrepancyRefunds.C.percent")]
    [InlineData("""{ "action": "full_refund", "percent": 5 }""", "$.default.discrepancyRefunds.C.percent")]
    [InlineData("""{ "action": "keep" }""", "$.default.discrepancyRefunds.C.action")]
    public void Parse_MalformedRefundConsequence_Rejected(string consequence, string path) =>
        RejectOne(RulesJson(d => Default(d)["discrepancyRefunds"]!["C"] = Json(consequence)), path);

    [Fact]
    public void Parse_ExemptFaultsWithoutRetailer_Rejected() =>
        Assert.Contains("must include \"retailer\"", RejectOne(RulesJson(d => d["exemptFaults"] = Json("""["carrier"]""")), "$.exemptFaults").Message, StringComparison.Ordinal);

    [Theory]
    [InlineData("tagsUnknown", "0")]
    [InlineData("defectWithoutPhotos", "1.5")]
    public void Parse_ConfidenceFactorOutOfRange_Rejected(string factor, string value) =>
        RejectOne(RulesJson(d => d["confidence"] = Json($$"""{ "{{factor}}": {{value}} }""")), $"$.confidence.{factor}");

    [Theory]
    [InlineData("""{ "minPhotos": 3, "maxPhotos": 1 }""", "$.categories[0].rules[0].when.maxPhotos")]
    [InlineData("""{ "minPhotos": -1 }""", "$.categories[0].rules[0].when.minPhotos")]
    [InlineData("""{ "maxPhotos": 101 }""", "$.categories[0].rules[0].when.maxPhotos")]
    [InlineData("{}", "$.categories[0].rules[0].when")]
    public void Parse_ImpossibleConditions_Rejected(string when, string path) =>
        RejectOne(RulesJson(d => Category(d)["rules"]![0]!["when"] = Json(when)), path);

    [Fact]
    public void Parse_RuleWithoutOutcome_ReportsEveryMissingField()
    {
        var json = RulesJson(d => Category(d)["rules"]![0]!["then"] = Json("""{ "explanation": " " }"""));

        var paths = Reject(json).Errors.Select(e => e.Path);

        Assert.Equal(["$.categories[0].rules[0].then.grade", "$.categories[0].rules[0].then.confidence", "$.categories[0].rules[0].then.explanation"], paths);
    }

    [Fact]
    public void Parse_DuplicateRuleName_Rejected() =>
        Assert.Contains("already used by $.default.rules[0]", RejectOne(RulesJson(d => Default(d)["rules"]![1]!["name"] = "defect"), "$.default.rules[1].name").Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_SeveralMistakes_AllReportedInDocumentOrderWithPositions()
    {
        var json = RulesJson(d =>
        {
            d["exemptFaults"] = Json("""["retailer", "nobody"]""");
            Default(d)["rules"]![1]!["then"]!["grade"] = "Z";
            Category(d)["rules"]![0]!["when"]!["signsOfUse"] = Json("""["none", "worn"]""");
        });

        var errors = Reject(json).Errors;

        Assert.Equal(
            ["$.default.rules[1].then.grade", "$.categories[0].rules[0].when.signsOfUse[1]", "$.exemptFaults[1]"],
            errors.Select(e => e.Path));
        Assert.All(errors, e => Assert.Equal("rules.json", e.Source));
        Assert.Equal(errors.Select(e => e.Line!.Value).Order(), errors.Select(e => e.Line!.Value));
        Assert.StartsWith("rules.json(", errors[0].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLarge_RejectedBeforeParsing() =>
        Assert.Contains("at most", Assert.Single(Reject("{\"name\":\"" + new string('x', GradingRules.MaxDocumentBytes) + "\"}").Errors).Message, StringComparison.Ordinal);

    [Fact]
    public void Parse_ExampleInTheFormatDocs_LoadsAndBehavesAsDescribed()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Returns.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        var doc = File.ReadAllText(Path.Combine(directory.FullName, "docs", "formats", "grading-rules.md"));
        var start = doc.IndexOf("```jsonc\n", StringComparison.Ordinal) + "```jsonc\n".Length;
        var json = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];

        var rules = GradingRules.Parse(json, "grading-rules.md");
        var grader = new ConditionGrader(rules);

        Assert.Equal("new-with-tags", grader.Grade(Line("apparel", Declared(PackagingState.Opened, tags: true))).Rule.Name);
        Assert.Equal(GradingReasons.DefaultRules, grader.Grade(Line("apparel", Declared(PackagingState.Opened, UsageLevel.Light, tags: true, photos: 1))).Reasons);
        Assert.Equal([Disposition.Destroy], rules.DispositionsFor(ConditionGrade.X, "apparel"));
        Assert.Equal([Disposition.Recycle, Disposition.Destroy], rules.DispositionsFor(ConditionGrade.X, "toys"));
    }
}
