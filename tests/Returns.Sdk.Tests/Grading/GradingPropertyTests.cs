using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class GradingPropertyTests
{
    private static readonly string[] Categories = ["apparel", "shoes", "electronics", "cosmetics", "furniture", "toys"];
    private static readonly ReturnReason[] Reasons = [ReturnReason.ChangedMind, ReturnReason.Defective, ReturnReason.DamagedInTransit];
    private static readonly ConditionGrader Grader = ShippedGrader;
    private static readonly ConditionGrader Twin = new(GradingRules.Parse(File.ReadAllText(ShippedPath)));

    // A declaration as ranks, best first: packaging sealed < opened < missing, use none < light < heavy,
    // tags attached < unknown < removed, no defect < defect.
    private sealed record Ranks(int Packaging, int Use, int Tags, int Defect)
    {
        public DeclaredCondition ToCondition(int photos) =>
            new((PackagingState)Packaging, (UsageLevel)Use)
            {
                TagsAttached = Tags switch { 0 => true, 1 => null, _ => false },
                DefectDescription = Defect == 1 ? "Scuffed at the side." : null,
                PhotoCount = photos,
            };
    }

    private sealed record Context(string Category, bool Hygiene, ReturnReason Reason, int Photos)
    {
        public GradingInput Input(Ranks ranks) => new(new ProductAttributes(Category) { Hygiene = Hygiene }, ranks.ToCondition(Photos), Reason);
    }

    private static Gen<Context> Contexts() =>
        from category in Gen.Elements(Categories)
        from hygiene in Gen.Elements(false, true)
        from reason in Gen.Elements(Reasons)
        from photos in Gen.Choose(0, 4)
        select new Context(category, hygiene, reason, photos);

    private static Gen<Ranks> Declarations() =>
        from packaging in Gen.Choose(0, 2)
        from use in Gen.Choose(0, 2)
        from tags in Gen.Choose(0, 2)
        from defect in Gen.Choose(0, 1)
        select new Ranks(packaging, use, tags, defect);

    // A declaration strictly worse than another: no dimension better, at least one worse.
    private static Gen<(Ranks Better, Ranks Worse)> WorsePairs() =>
        from better in Declarations()
        from packaging in Gen.Choose(better.Packaging, 2)
        from use in Gen.Choose(better.Use, 2)
        from tags in Gen.Choose(better.Tags, 2)
        from defect in Gen.Choose(better.Defect, 1)
        let worse = new Ranks(packaging, use, tags, defect)
        where worse != better
        select (better, worse);

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Grade_StrictlyWorseDeclaration_NeverABetterGrade() =>
        Prop.ForAll(Contexts().ToArbitrary(), WorsePairs().ToArbitrary(), (context, pair) =>
            Grader.Grade(context.Input(pair.Worse)).Grade >= Grader.Grade(context.Input(pair.Better)).Grade);

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Grade_IsDeterministic() =>
        Prop.ForAll(Contexts().ToArbitrary(), Declarations().ToArbitrary(), (context, ranks) =>
        {
            var first = Grader.Grade(context.Input(ranks));
            var again = Grader.Grade(context.Input(ranks));
            var twin = Twin.Grade(context.Input(ranks));
            return first == again
                && (first.Grade, first.Confidence, first.Rule.Path, first.Reasons, first.Explanation) == (twin.Grade, twin.Confidence, twin.Rule.Path, twin.Reasons, twin.Explanation);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Grade_ConfidenceNeverAboveTheRulesAndLoweredOnlyWithAReason() =>
        Prop.ForAll(Contexts().ToArbitrary(), Declarations().ToArbitrary(), (context, ranks) =>
        {
            var assessment = Grader.Grade(context.Input(ranks));
            const GradingReasons Thin = GradingReasons.DefectWithoutPhotos | GradingReasons.TagsUnknown | GradingReasons.UsageWithoutPhotos;
            return assessment.Confidence > 0
                && assessment.Confidence <= assessment.Rule.Confidence
                && (assessment.Confidence < assessment.Rule.Confidence) == ((assessment.Reasons & Thin) != 0);
        });

    // The property above samples; the declaration space of the shipped rules is small enough to check whole.
    [Fact]
    public void Grade_EveryPairOfDeclarations_WorseNeverGradedBetter()
    {
        var all = (from p in Enumerable.Range(0, 3) from u in Enumerable.Range(0, 3) from t in Enumerable.Range(0, 3) from d in Enumerable.Range(0, 2) select new Ranks(p, u, t, d)).ToArray();
        var checkedPairs = 0;
        foreach (var context in from c in Categories from h in new[] { false, true } from r in Reasons from photos in Enumerable.Range(0, 4) select new Context(c, h, r, photos))
        {
            var grades = all.ToDictionary(r => r, r => Grader.Grade(context.Input(r)).Grade);
            foreach (var better in all)
            {
                foreach (var worse in all.Where(w => w != better && w.Packaging >= better.Packaging && w.Use >= better.Use && w.Tags >= better.Tags && w.Defect >= better.Defect))
                {
                    Assert.True(grades[worse] >= grades[better], $"{context}: {worse} graded {grades[worse]}, better than {better} graded {grades[better]}");
                    checkedPairs++;
                }
            }
        }

        // 144 contexts; per context 6 x 6 x 6 x 3 ordered pairs of ranks, less the 54 equal ones.
        Assert.Equal(144 * 594, checkedPairs);
    }
}
