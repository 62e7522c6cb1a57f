using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class ConditionGraderTests
{
    private static readonly ConditionGrader Grader = ShippedGrader;

    // category, packaging, signs of use, tags, defect described, photos, hygiene product, reason code -> grade, rule.
    public static TheoryData<string, PackagingState, UsageLevel, string?, bool, int, bool, string, ConditionGrade, string> ShippedCases() => new()
    {
        { "apparel", PackagingState.Sealed, UsageLevel.None, "attached", false, 0, false, "too_small", ConditionGrade.A, "new-with-tags" },
        { "apparel", PackagingState.Sealed, UsageLevel.None, "attached", false, 0, true, "too_small", ConditionGrade.A, "new-with-tags" },
        { "apparel", PackagingState.Opened, UsageLevel.Light, "attached", false, 1, false, "too_large", ConditionGrade.B, "tried-on" },
        { "apparel", PackagingState.Missing, UsageLevel.None, "attached", false, 0, false, "changed_mind", ConditionGrade.B, "tried-on" },
        { "apparel", PackagingState.Opened, UsageLevel.None, "unknown", false, 0, false, "changed_mind", ConditionGrade.B, "tried-on" },
        { "apparel", PackagingState.Opened, UsageLevel.None, "removed", false, 0, false, "changed_mind", ConditionGrade.C, "tags-removed" },
        { "apparel", PackagingState.Opened, UsageLevel.Heavy, "attached", false, 2, false, "changed_mind", ConditionGrade.C, "worn" },
        { "apparel", PackagingState.Opened, UsageLevel.None, "attached", true, 2, false, "defective", ConditionGrade.D, "defect" },
        { "apparel", PackagingState.Opened, UsageLevel.None, "attached", false, 0, true, "too_small", ConditionGrade.X, "intimates-unsealed" },
        { "shoes", PackagingState.Opened, UsageLevel.None, null, false, 0, false, "too_small", ConditionGrade.A, "unworn-in-box" },
        { "shoes", PackagingState.Opened, UsageLevel.None, "removed", false, 0, false, "too_small", ConditionGrade.A, "unworn-in-box" },
        { "shoes", PackagingState.Missing, UsageLevel.None, null, false, 0, false, "too_small", ConditionGrade.B, "unworn-without-box" },
        { "shoes", PackagingState.Opened, UsageLevel.Light, null, false, 2, false, "too_small", ConditionGrade.B, "tried-indoors-photographed" },
        { "shoes", PackagingState.Opened, UsageLevel.Light, null, false, 1, false, "too_small", ConditionGrade.C, "worn" },
        { "shoes", PackagingState.Opened, UsageLevel.Heavy, null, false, 3, false, "changed_mind", ConditionGrade.C, "worn" },
        { "shoes", PackagingState.Opened, UsageLevel.Light, null, true, 1, false, "defective", ConditionGrade.D, "defect" },
        { "electronics", PackagingState.Sealed, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.A, "factory-sealed" },
        { "electronics", PackagingState.Opened, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.B, "opened-unused" },
        { "electronics", PackagingState.Missing, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.C, "unused-without-box" },
        { "electronics", PackagingState.Opened, UsageLevel.Light, null, false, 1, false, "changed_mind", ConditionGrade.C, "used" },
        { "electronics", PackagingState.Opened, UsageLevel.Light, null, true, 1, false, "defective", ConditionGrade.D, "defect" },
        { "electronics", PackagingState.Opened, UsageLevel.None, null, false, 0, true, "changed_mind", ConditionGrade.X, "in-ear-unsealed" },
        { "cosmetics", PackagingState.Sealed, UsageLevel.None, null, false, 0, true, "changed_mind", ConditionGrade.A, "sealed-new" },
        { "cosmetics", PackagingState.Sealed, UsageLevel.None, null, true, 1, true, "damaged_in_transit", ConditionGrade.D, "sealed-damaged" },
        { "cosmetics", PackagingState.Opened, UsageLevel.None, null, false, 0, true, "changed_mind", ConditionGrade.X, "unsealed" },
        { "cosmetics", PackagingState.Sealed, UsageLevel.Light, null, false, 0, true, "changed_mind", ConditionGrade.X, "sealed-but-used" },
        { "furniture", PackagingState.Sealed, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.A, "unopened-flat-pack" },
        { "furniture", PackagingState.Opened, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.B, "opened-flat-pack" },
        { "furniture", PackagingState.Missing, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.C, "assembled" },
        { "furniture", PackagingState.Missing, UsageLevel.Light, null, true, 4, false, "damaged_in_transit", ConditionGrade.D, "defect" },
        { "toys", PackagingState.Sealed, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.A, "sealed-unused" },
        { "toys", PackagingState.Opened, UsageLevel.None, null, false, 0, false, "wrong_item_sent", ConditionGrade.A, "sent-in-error-unused" },
        { "toys", PackagingState.Opened, UsageLevel.None, null, false, 0, false, "changed_mind", ConditionGrade.B, "opened-unused" },
        { "toys", PackagingState.Opened, UsageLevel.Heavy, null, false, 0, false, "changed_mind", ConditionGrade.C, "used" },
        { "toys", PackagingState.Opened, UsageLevel.None, null, true, 0, false, "defective", ConditionGrade.D, "defect" },
        { "toys", PackagingState.Opened, UsageLevel.None, null, false, 0, true, "changed_mind", ConditionGrade.X, "hygiene-unsealed" },
    };

    private static GradingInput Case(string category, PackagingState packaging, UsageLevel use, string? tags, bool defect, int photos, bool hygiene, string reason) =>
        Line(
            category,
            Declared(packaging, use, tags switch { "attached" => true, "removed" => false, _ => null }, defect ? "It is broken." : null, photos),
            ReturnReason.Standard.Single(r => r.Code == reason),
            hygiene);

    [Theory]
    [MemberData(nameof(ShippedCases))]
    public void Grade_ShippedRules_GivesTheExpectedGradeAndRule(
        string category, PackagingState packaging, UsageLevel use, string? tags, bool defect, int photos, bool hygiene, string reason, ConditionGrade grade, string rule)
    {
        var assessment = Grader.Grade(Case(category, packaging, use, tags, defect, photos, hygiene, reason));

        Assert.Equal((grade, rule), (assessment.Grade, assessment.Rule.Name));
        Assert.Equal(grade, assessment.Rule.Grade);
        Assert.InRange(assessment.Confidence, 0.0, 1.0);
    }

    [Fact]
    public void Grade_ShippedRules_EveryGradeIsReachableInTheTable()
    {
        var grades = ShippedCases().Select(row => row.Data.Item9).ToHashSet();

        Assert.Equal(Enum.GetValues<ConditionGrade>(), grades.Order());
    }

    [Fact]
    public void Grade_UnlistedCategory_UsesTheDefaultRules()
    {
        var assessment = Grader.Grade(Line("garden", Declared(PackagingState.Sealed)));

        Assert.Equal(ConditionGrade.A, assessment.Grade);
        Assert.Null(assessment.Rule.Category);
        Assert.Equal("$.default.rules[3]", assessment.Rule.Path);
        Assert.Equal(GradingReasons.DefaultRules, assessment.Reasons);
    }

    [Fact]
    public void Grade_CategoryInAnotherCase_UsesThatCategorysRules()
    {
        var assessment = Grader.Grade(Line("ELECTRONICS", Declared(PackagingState.Missing)));

        Assert.Equal(("unused-without-box", "electronics"), (assessment.Rule.Name, assessment.Rule.Category));
    }

    [Fact]
    public void Grade_CategoryRulesDoNotCoverTheDeclaration_FallsBackToTheDefault()
    {
        var grader = new ConditionGrader(Rules());

        var own = grader.Grade(Line("apparel", Declared(PackagingState.Opened, tags: true)));
        var fallback = grader.Grade(Line("apparel", Declared(PackagingState.Opened, UsageLevel.Light, tags: true, photos: 1)));

        Assert.Equal(("new-with-tags", GradingReasons.None), (own.Rule.Name, own.Reasons));
        Assert.Equal(("rest", ConditionGrade.C, GradingReasons.DefaultRules), (fallback.Rule.Name, fallback.Grade, fallback.Reasons));
    }

    [Fact]
    public void Grade_FullDeclaration_KeepsTheRulesConfidence()
    {
        var assessment = Grader.Grade(Line("apparel", Declared(PackagingState.Opened, UsageLevel.Light, tags: true, photos: 2)));

        Assert.Equal((0.8, GradingReasons.None), (assessment.Confidence, assessment.Reasons));
    }

    [Theory]
    [InlineData("electronics", PackagingState.Opened, UsageLevel.None, null, "Screen flickers", 0, 0.51, GradingReasons.DefectWithoutPhotos)]
    [InlineData("electronics", PackagingState.Opened, UsageLevel.None, null, "Screen flickers", 1, 0.85, GradingReasons.None)]
    [InlineData("apparel", PackagingState.Opened, UsageLevel.None, null, null, 3, 0.64, GradingReasons.TagsUnknown)]
    [InlineData("apparel", PackagingState.Opened, UsageLevel.Light, true, null, 0, 0.68, GradingReasons.UsageWithoutPhotos)]
    [InlineData("apparel", PackagingState.Opened, UsageLevel.Light, null, "Seam split", 0, 0.326, GradingReasons.DefectWithoutPhotos | GradingReasons.TagsUnknown | GradingReasons.UsageWithoutPhotos)]
    [InlineData("shoes", PackagingState.Opened, UsageLevel.None, null, null, 0, 0.9, GradingReasons.None)]
    public void Grade_ThinDeclaration_LowersConfidenceByTheDocumentsFactors(
        string category, PackagingState packaging, UsageLevel use, bool? tags, string? defect, int photos, double confidence, GradingReasons reasons)
    {
        var assessment = Grader.Grade(Line(category, Declared(packaging, use, tags, defect, photos)));

        Assert.Equal((confidence, reasons), (assessment.Confidence, assessment.Reasons));
    }

    [Fact]
    public void Grade_AddingAPhotoToADescribedDefect_NeverLowersConfidence()
    {
        foreach (var category in new[] { "apparel", "shoes", "electronics", "cosmetics", "furniture", "toys" })
        {
            var without = Grader.Grade(Line(category, Declared(PackagingState.Sealed, defect: "Dented")));
            var with = Grader.Grade(Line(category, Declared(PackagingState.Sealed, defect: "Dented", photos: 2)));

            Assert.Equal(without.Grade, with.Grade);
            Assert.True(with.Confidence > without.Confidence, category);
        }
    }

    [Fact]
    public void Grade_Explanation_NamesTheRuleAndWhatLoweredTheConfidence()
    {
        var assessment = Grader.Grade(Line("electronics", Declared(PackagingState.Opened, defect: "Does not charge")));

        Assert.Equal(
            "A fault is described: test, then return to the vendor or refurbish. Grade D by rule 'defect' for electronics, confidence lowered from 0.85 to 0.51: a defect is described without a photo.",
            assessment.Explanation);
        Assert.Same(assessment.Explanation, Grader.Grade(Line("electronics", Declared(PackagingState.Opened, defect: "Other words"))).Explanation);
    }

    [Fact]
    public void GradeReturn_SeveralLines_OneResultPerLineInOrder()
    {
        var lines = new[]
        {
            Line("apparel", Declared(PackagingState.Opened, tags: true), lineId: "L1"),
            Line("electronics", Declared(PackagingState.Sealed, defect: "Rattles", photos: 1), lineId: "L2"),
            Line("cosmetics", Declared(PackagingState.Opened), hygiene: true, lineId: "L3"),
        };

        var results = Grader.GradeReturn(lines);

        Assert.Equal(["L1", "L2", "L3"], results.Select(r => r.LineId));
        Assert.Equal([ConditionGrade.A, ConditionGrade.D, ConditionGrade.X], results.Select(r => r.Grade));
        Assert.Equal(results, lines.Select(Grader.Grade));
    }

    [Fact]
    public void GradeReturn_DuplicateLineIds_Rejected()
    {
        var lines = Enumerable.Range(0, 40).Select(i => Line("toys", Declared(), lineId: $"L{i}")).Append(Line("toys", Declared(), lineId: "L7")).ToArray();

        Assert.Throws<ArgumentException>(() => Grader.GradeReturn(lines));
        Assert.Throws<ArgumentException>(() => Grader.GradeReturn([Line("toys", Declared(), lineId: "A"), Line("toys", Declared(), lineId: "A")]));
        Assert.Equal(41, Grader.GradeReturn([.. lines.SkipLast(1), Line("toys", Declared(), lineId: "L40")]).Count);
    }

    [Fact]
    public void GradeReturn_LinesWithoutIds_Accepted() =>
        Assert.Equal(2, Grader.GradeReturn([Line("toys", Declared()), Line("toys", Declared())]).Count);

    [Fact]
    public void Grade_ManyThreadsAtOnce_SameAnswers()
    {
        var lines = ShippedCases().Select(row => row.Data).Select(d => Case(d.Item1, d.Item2, d.Item3, d.Item4, d.Item5, d.Item6, d.Item7, d.Item8)).ToArray();
        var expected = lines.Select(l => (Grader.Grade(l).Grade, Grader.Grade(l).Confidence, Grader.Grade(l).Explanation)).ToArray();
        var fresh = new ConditionGrader(GradingRules.Parse(File.ReadAllText(ShippedPath)));

        var results = new (ConditionGrade, double, string)[64][];
        Parallel.For(0, results.Length, i => results[i] = [.. lines.Select(l => fresh.Grade(l)).Select(a => (a.Grade, a.Confidence, a.Explanation))]);

        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
