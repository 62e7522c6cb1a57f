using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Returns.Sdk;
using Returns.Sdk.Grading;
using Returns.Sdk.Grading.Internal;

namespace Returns.Benchmarks;

/// <summary>
/// Grading a 10-line return (apparel, shoes, electronics, cosmetics, furniture and an unlisted category) by the demo
/// rules in <c>samples/Returns.Cli/data/grading.json</c>: the compiled grader against a straightforward implementation
/// that walks the parsed rules per line. Target: the compiled grader under 5 µs (median) per return.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[MinColumn]
public class GradingBenchmarks
{
    private ConditionGrader _grader = null!;
    private NaiveGrader _naive = null!;
    private GradingInput[] _return = null!;

    [GlobalSetup]
    public void Setup()
    {
        var json = File.ReadAllText(RulesPath());
        _grader = new ConditionGrader(GradingRules.Parse(json, "grading.json"));
        _naive = NaiveGrader.Load(json);
        _return = TenLineReturn();

        // The comparison is only fair if both give the same answers: the measured return, and every declaration class
        // of every category with zero to three photos.
        Equivalence(_return, "the benchmark return");
        Equivalence(EveryDeclaration(), "every declaration class");
    }

    [Benchmark(Baseline = true)]
    public IReadOnlyList<NaiveAssessment> NaiveBaseline() => _naive.GradeReturn(_return);

    [Benchmark]
    public IReadOnlyList<GradeAssessment> Compiled() => _grader.GradeReturn(_return);

    private void Equivalence(GradingInput[] lines, string what)
    {
        var compiled = _grader.GradeReturn(lines);
        var naive = _naive.GradeReturn(lines);
        for (var i = 0; i < lines.Length; i++)
        {
            var (c, n) = (compiled[i], naive[i]);
            if (c.Grade != n.Grade || c.Confidence != n.Confidence || c.Rule.Name != n.RuleName || c.Explanation != n.Explanation || c.LineId != n.LineId)
            {
                throw new InvalidOperationException(
                    $"The baseline disagrees on {what}, line {i} ({lines[i].Product.Category}, {lines[i].Condition}): "
                    + $"{c.Grade} {c.Confidence} {c.Rule.Name} '{c.Explanation}' vs {n.Grade} {n.Confidence} {n.RuleName} '{n.Explanation}'.");
            }
        }
    }

    private static string RulesPath([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "samples", "Returns.Cli", "data", "grading.json"));

    private static GradingInput Line(string id, string category, DeclaredCondition condition, ReturnReason reason, bool hygiene = false) =>
        new(new ProductAttributes(category) { Hygiene = hygiene }, condition, reason) { LineId = id };

    private static GradingInput[] TenLineReturn() =>
    [
        Line("L1", "apparel", new(PackagingState.Opened, UsageLevel.None) { TagsAttached = true, PhotoCount = 1 }, ReturnReason.TooSmall),
        Line("L2", "apparel", new(PackagingState.Opened, UsageLevel.Light) { TagsAttached = true }, ReturnReason.TooLarge),
        Line("L3", "Apparel", new(PackagingState.Missing, UsageLevel.Light), ReturnReason.ChangedMind),
        Line("L4", "shoes", new(PackagingState.Opened, UsageLevel.Light) { PhotoCount = 2 }, ReturnReason.TooSmall),
        Line("L5", "shoes", new(PackagingState.Opened, UsageLevel.None) { DefectDescription = "Sole coming loose at the toe." }, ReturnReason.Defective),
        Line("L6", "electronics", new(PackagingState.Sealed, UsageLevel.None), ReturnReason.BetterPriceFound),
        Line("L7", "electronics", new(PackagingState.Opened, UsageLevel.Light) { DefectDescription = "Left earbud is silent.", PhotoCount = 1 }, ReturnReason.Defective, hygiene: true),
        Line("L8", "cosmetics", new(PackagingState.Sealed, UsageLevel.None), ReturnReason.ChangedMind, hygiene: true),
        Line("L9", "furniture", new(PackagingState.Opened, UsageLevel.None) { PhotoCount = 3 }, ReturnReason.NotAsDescribed),
        Line("L10", "garden", new(PackagingState.Opened, UsageLevel.None), ReturnReason.WrongItemSent),
    ];

    private static GradingInput[] EveryDeclaration()
    {
        var lines = new List<GradingInput>();
        var reasons = new[] { ReturnReason.ChangedMind, ReturnReason.Defective, ReturnReason.DamagedInTransit };
        foreach (var category in new[] { "apparel", "shoes", "electronics", "cosmetics", "furniture", "garden" })
        {
            foreach (var packaging in Enum.GetValues<PackagingState>())
            {
                foreach (var use in Enum.GetValues<UsageLevel>())
                {
                    foreach (var tags in new bool?[] { true, false, null })
                    {
                        foreach (var defect in new[] { null, "Broken." })
                        {
                            for (var photos = 0; photos <= 3; photos++)
                            {
                                foreach (var reason in reasons)
                                {
                                    lines.Add(Line($"D{lines.Count}", category, new(packaging, use) { TagsAttached = tags, DefectDescription = defect, PhotoCount = photos }, reason, hygiene: photos % 2 == 0));
                                    lines.Add(Line($"D{lines.Count}", category, new(packaging, use) { TagsAttached = tags, DefectDescription = defect, PhotoCount = photos }, reason, hygiene: photos % 2 == 1));
                                }
                            }
                        }
                    }
                }
            }
        }

        return [.. lines];
    }
}

/// <summary>One line as the baseline grades it.</summary>
public sealed record NaiveAssessment(string? LineId, ConditionGrade Grade, double Confidence, string RuleName, string Explanation);

/// <summary>
/// The grading rules applied the way a first attempt would: the parsed document is kept as lists and strings, every
/// line finds its category with LINQ, walks the rules comparing enum names as lower-case strings, and builds its
/// explanation eagerly. The baseline the compiled grader is measured against; it gives the same answers.
/// </summary>
public sealed class NaiveGrader
{
    private readonly GradingDocumentDto _document;

    private NaiveGrader(GradingDocumentDto document) => _document = document;

    /// <summary>Reads a grading-rules document (validation is the SDK's job; this trusts it).</summary>
    public static NaiveGrader Load(string json) =>
        new(JsonSerializer.Deserialize(json, GradingJsonContext.Default.GradingDocumentDto)!);

    /// <summary>Grades every line.</summary>
    public IReadOnlyList<NaiveAssessment> GradeReturn(IReadOnlyList<GradingInput> lines) => [.. lines.Select(Grade)];

    private NaiveAssessment Grade(GradingInput line)
    {
        var category = _document.Categories?.FirstOrDefault(c => string.Equals(c!.Category, line.Product.Category, StringComparison.OrdinalIgnoreCase));
        var tagged = (category ?? _document.Default)!.Tagged ?? false;
        var condition = line.Condition;
        var facts = new Dictionary<string, string>
        {
            ["packaging"] = condition.Packaging.ToString().ToLowerInvariant(),
            ["signsOfUse"] = condition.SignsOfUse.ToString().ToLowerInvariant(),
            ["tags"] = !tagged || condition.TagsAttached is null ? "unknown" : condition.TagsAttached.Value ? "attached" : "removed",
            ["reasonFaults"] = line.Reason.Fault.ToString().ToLowerInvariant(),
        };

        var fromDefault = false;
        var rule = category?.Rules?.FirstOrDefault(r => Matches(r!, facts, line));
        if (rule is null)
        {
            rule = _document.Default!.Rules!.First(r => Matches(r!, facts, line));
            fromDefault = true;
        }

        var ruleIndex = ((fromDefault ? _document.Default!.Rules : category!.Rules) ?? []).IndexOf(rule);
        var name = rule!.Name ?? (fromDefault ? $"default.rules[{ruleIndex}]" : $"categories[{_document.Categories!.IndexOf(category)}].rules[{ruleIndex}]");
        var ruleConfidence = (double)rule.Then!.Confidence!.Value;
        var confidence = ruleConfidence;
        var lowered = new List<string>();
        var factors = _document.Confidence;
        if (condition.DefectDescription is not null && condition.PhotoCount == 0)
        {
            confidence *= (double)(factors?.DefectWithoutPhotos ?? 0.6m);
            lowered.Add("a defect is described without a photo");
        }

        if (tagged && condition.TagsAttached is null)
        {
            confidence *= (double)(factors?.TagsUnknown ?? 0.8m);
        }

        if (condition.SignsOfUse != UsageLevel.None && condition.PhotoCount == 0)
        {
            confidence *= (double)(factors?.UsageWithoutPhotos ?? 0.85m);
            lowered.Add("signs of use are declared without a photo");
        }

        if (tagged && condition.TagsAttached is null)
        {
            lowered.Add("the declaration does not say whether the tags are attached");
        }

        confidence = Math.Round(confidence, 3, MidpointRounding.AwayFromZero);
        var grade = Enum.Parse<ConditionGrade>(rule.Then.Grade!);
        var explanation = rule.Then.Explanation!.Trim();
        explanation += explanation.EndsWith('.') ? string.Empty : ".";
        explanation += $" Grade {grade} by rule '{name}'" + (fromDefault ? " of the default rules" : $" for {category!.Category}");
        explanation += lowered.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $", confidence {confidence:0.###}.")
            : string.Create(CultureInfo.InvariantCulture, $", confidence lowered from {ruleConfidence:0.###} to {confidence:0.###}: ") + string.Join("; ", lowered) + ".";
        return new NaiveAssessment(line.LineId, grade, confidence, name, explanation);
    }

    private static bool Matches(GradingRuleDto rule, Dictionary<string, string> facts, GradingInput line)
    {
        var when = rule.When;
        if (when is null)
        {
            return true;
        }

        return (when.Packaging?.Contains(facts["packaging"]) ?? true)
            && (when.SignsOfUse?.Contains(facts["signsOfUse"]) ?? true)
            && (when.Tags?.Contains(facts["tags"]) ?? true)
            && (when.ReasonFaults?.Contains(facts["reasonFaults"]) ?? true)
            && (when.DefectDescribed is not { } defect || defect == (line.Condition.DefectDescription is not null))
            && (when.Hygiene is not { } hygiene || hygiene == line.Product.Hygiene)
            && (when.MinPhotos is not { } min || line.Condition.PhotoCount >= min)
            && (when.MaxPhotos is not { } max || line.Condition.PhotoCount <= max);
    }
}
