using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Globalization;

namespace Returns.Sdk.Grading.Internal;

internal sealed class CompiledGradingRules
{
    public required string? Name { get; init; }

    public required CompiledCategory Default { get; init; }

    public required FrozenDictionary<string, CompiledCategory> Categories { get; init; }

    public required string[] CategoryNames { get; init; }

    public required int ExemptFaultMask { get; init; }

    public required GradingOutcome ItemSwapped { get; init; }
}

// Checks a deserialized grading-rules document and compiles it into lookup tables. Every mistake is collected with
// its JSON path, so that a retailer fixes the rules in one pass.
internal sealed class GradingRulesCompiler
{
    public const int MaxPhotoCondition = 100;
    public const string DefaultPath = "$.default";

    private const decimal DefaultDefectWithoutPhotos = 0.6m;
    private const decimal DefaultTagsUnknown = 0.8m;
    private const decimal DefaultUsageWithoutPhotos = 0.85m;

    private readonly List<ValidationError> _errors = [];
    private double _defectWithoutPhotos;
    private double _tagsUnknown;
    private double _usageWithoutPhotos;

    public IReadOnlyList<ValidationError> Errors => _errors;

    public CompiledGradingRules? Compile(GradingDocumentDto document)
    {
        if (document.Name is { } name && string.IsNullOrWhiteSpace(name))
        {
            Error("$.name", "must not be blank; leave it out instead.");
        }

        var exemptMask = CompileExemptFaults(document.ExemptFaults);
        var confidence = document.Confidence ?? new ConfidenceDto();
        _defectWithoutPhotos = Factor(confidence.DefectWithoutPhotos, DefaultDefectWithoutPhotos, "$.confidence.defectWithoutPhotos");
        _tagsUnknown = Factor(confidence.TagsUnknown, DefaultTagsUnknown, "$.confidence.tagsUnknown");
        _usageWithoutPhotos = Factor(confidence.UsageWithoutPhotos, DefaultUsageWithoutPhotos, "$.confidence.usageWithoutPhotos");

        Section? defaults = null;
        if (document.Default is null)
        {
            Error(DefaultPath, "is required: the rules, dispositions and refund consequences for every category not listed, and for declarations a category's own rules do not cover.");
        }
        else
        {
            defaults = CompileSection(document.Default, DefaultPath, isDefault: true);
        }

        var sections = new List<Section>();
        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; document.Categories is not null && i < document.Categories.Count; i++)
        {
            var path = $"$.categories[{i}]";
            if (document.Categories[i] is not { } dto)
            {
                Error(path, "must be an object, not null.");
                continue;
            }

            var section = CompileSection(dto, path, isDefault: false);
            if (section.Name is { } category && !seen.TryAdd(category, path))
            {
                Error($"{path}.category", $"'{category}' is already listed at {seen[category]} (categories are compared case-insensitively); merge the two.");
            }

            sections.Add(section);
        }

        if (_errors.Count > 0 || defaults is null)
        {
            return null;
        }

        var compiledDefault = Build(defaults, null);
        var categories = new Dictionary<string, CompiledCategory>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in sections)
        {
            categories.Add(section.Name!, Build(section, defaults));
        }

        foreach (var category in categories.Values.Prepend(compiledDefault))
        {
            CheckRefundsGetStricter(category, category.IsDefault ? defaults : sections.First(s => string.Equals(s.Name, category.Name, StringComparison.OrdinalIgnoreCase)));
        }

        if (_errors.Count > 0)
        {
            return null;
        }

        var swappedRule = new GradingRule("item-swapped", "inspection", null, ConditionGrade.X, 1.0, "A different item came back than the one sold for this line.");
        var swapped = new CompiledRule(swappedRule, new RuleConditions());
        swapped.Inspected = new GradingOutcome(swapped, 1.0, GradingReasons.Inspected | GradingReasons.ItemSwapped);
        return new CompiledGradingRules
        {
            Name = document.Name?.Trim(),
            Default = compiledDefault,
            Categories = categories.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            CategoryNames = [.. sections.Select(s => s.Name!)],
            ExemptFaultMask = exemptMask,
            ItemSwapped = swapped.Inspected,
        };
    }

    private Section CompileSection(CategoryRulesDto dto, string path, bool isDefault)
    {
        string? name = null;
        if (isDefault)
        {
            if (dto.Category is not null)
            {
                Error($"{path}.category", "must be left out: the default applies to every category not listed in $.categories.");
            }
        }
        else if (string.IsNullOrWhiteSpace(dto.Category))
        {
            Error($"{path}.category", "is required: the product category these rules apply to, e.g. \"apparel\" (compared case-insensitively).");
        }
        else if (string.Equals(dto.Category.Trim(), "default", StringComparison.OrdinalIgnoreCase))
        {
            Error($"{path}.category", "must not be \"default\": write the default rules under $.default.");
        }
        else
        {
            name = dto.Category.Trim();
        }

        var tagged = dto.Tagged ?? false;
        var errorsBefore = _errors.Count;
        var rules = CompileRules(dto.Rules, $"{path}.rules", name, tagged, isDefault);
        var rulesValid = _errors.Count == errorsBefore;
        var dispositions = CompileDispositions(dto.Dispositions, $"{path}.dispositions", isDefault);
        var refunds = CompileRefunds(dto.DiscrepancyRefunds, $"{path}.discrepancyRefunds", isDefault);
        if (!isDefault && dto.Rules is null && dto.Dispositions is null && dto.DiscrepancyRefunds is null)
        {
            Error(path, "states no rules, dispositions or discrepancyRefunds, so it would behave exactly like the default; remove it or add what differs.");
        }

        var section = new Section(name, path, tagged, isDefault, rules, dispositions, refunds);
        if (rulesValid)
        {
            CheckReachable(section);
        }

        return section;
    }

    private CompiledRule[] CompileRules(List<GradingRuleDto?>? rules, string path, string? category, bool tagged, bool isDefault)
    {
        if (rules is null)
        {
            if (isDefault)
            {
                Error(path, "is required: the default rules must give every declaration a grade; end them with a rule without \"when\".");
            }

            return [];
        }

        if (rules.Count == 0)
        {
            Error(path, isDefault
                ? "is empty: the default rules must give every declaration a grade; end them with a rule without \"when\"."
                : "is empty; leave it out to grade this category by the default rules.");
        }

        var result = new List<CompiledRule>(rules.Count);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rulePath = $"{path}[{i}]";
            if (rules[i] is not { } rule)
            {
                Error(rulePath, "must be an object, not null.");
                continue;
            }

            if (rule.Name is { } ruleName)
            {
                if (string.IsNullOrWhiteSpace(ruleName))
                {
                    Error($"{rulePath}.name", "must not be blank; leave it out to name the rule by its path.");
                }
                else if (!names.TryAdd(ruleName.Trim(), rulePath))
                {
                    Error($"{rulePath}.name", $"'{ruleName.Trim()}' is already used by {names[ruleName.Trim()]}.");
                }
            }

            var when = CompileConditions(rule.When, $"{rulePath}.when", tagged);
            var (grade, confidence, explanation) = CompileOutcome(rule.Then, $"{rulePath}.then");
            if (grade is ConditionGrade.A or ConditionGrade.B)
            {
                CheckGradeMeansUnused(grade, when, rulePath);
            }

            var info = new GradingRule(string.IsNullOrWhiteSpace(rule.Name) ? rulePath[2..] : rule.Name.Trim(), rulePath, category, grade, confidence, explanation);
            result.Add(new CompiledRule(info, when));
        }

        return [.. result];
    }

    private RuleConditions CompileConditions(ConditionsDto? dto, string path, bool tagged)
    {
        if (dto is null)
        {
            return new RuleConditions();
        }

        var stated = dto.Packaging is not null || dto.SignsOfUse is not null || dto.Tags is not null || dto.DefectDescribed is not null
            || dto.MinPhotos is not null || dto.MaxPhotos is not null || dto.Hygiene is not null || dto.ReasonFaults is not null;
        if (!stated)
        {
            Error(path, "states no condition; leave \"when\" out for a rule that applies to every declaration.");
        }

        if (dto.Tags is not null && !tagged)
        {
            Error($"{path}.tags", "contradicts \"tagged\": false: products of this category carry no tags, so their tags are never attached or removed; set \"tagged\": true or drop the condition.");
        }

        var minPhotos = Photos(dto.MinPhotos, $"{path}.minPhotos") ?? 0;
        var maxPhotos = Photos(dto.MaxPhotos, $"{path}.maxPhotos");
        if (maxPhotos is { } max && max < minPhotos)
        {
            Error($"{path}.maxPhotos", $"({max}) is below minPhotos ({minPhotos}), so the rule can never apply.");
        }

        return new RuleConditions
        {
            Packaging = Mask(dto.Packaging, GradingNames.Packagings, $"{path}.packaging", "a packaging state"),
            Usage = Mask(dto.SignsOfUse, GradingNames.Usages, $"{path}.signsOfUse", "a level of use"),
            Tags = Mask(dto.Tags, GradingNames.TagStates, $"{path}.tags", "a tag state"),
            TagsStated = dto.Tags is not null,
            Defect = dto.DefectDescribed is { } defect ? 1 << (defect ? 1 : 0) : RuleConditions.Both,
            Hygiene = dto.Hygiene is { } hygiene ? 1 << (hygiene ? 1 : 0) : RuleConditions.Both,
            Faults = Mask(dto.ReasonFaults, GradingNames.Faults, $"{path}.reasonFaults", "a fault"),
            MinPhotos = minPhotos,
            MaxPhotos = maxPhotos ?? int.MaxValue,
        };
    }

    private (ConditionGrade Grade, double Confidence, string Explanation) CompileOutcome(OutcomeDto? dto, string path)
    {
        if (dto is null)
        {
            Error(path, "is required: { \"grade\", \"confidence\", \"explanation\" } for declarations the rule matches.");
            return (ConditionGrade.X, 0, string.Empty);
        }

        var grade = ConditionGrade.X;
        var index = GradingNames.IndexOf(GradingNames.Grades, dto.Grade);
        if (dto.Grade is null)
        {
            Error($"{path}.grade", $"is required: one of {GradingNames.Expected(GradingNames.Grades)}.");
        }
        else if (index < 0)
        {
            Error($"{path}.grade", $"'{dto.Grade}' is not a grade; expected {GradingNames.Expected(GradingNames.Grades)}.");
        }
        else
        {
            grade = (ConditionGrade)index;
        }

        var confidence = 0.0;
        if (dto.Confidence is not { } stated)
        {
            Error($"{path}.confidence", "is required: how sure the grade is for a declaration this rule matches, above 0 up to 1.");
        }
        else if (stated is <= 0m or > 1m)
        {
            Error($"{path}.confidence", $"must be above 0 and at most 1; got {stated.ToString(CultureInfo.InvariantCulture)}.");
        }
        else
        {
            confidence = (double)stated;
        }

        if (string.IsNullOrWhiteSpace(dto.Explanation))
        {
            Error($"{path}.explanation", "is required: a sentence the customer or the warehouse reads, e.g. \"Unworn with tags attached: resellable as new.\".");
        }

        return (grade, confidence, dto.Explanation?.Trim() ?? string.Empty);
    }

    // A and B mean new or like new: a rule that hands them out for heavily used or defective items contradicts the grade.
    private void CheckGradeMeansUnused(ConditionGrade grade, RuleConditions when, string rulePath)
    {
        var heavy = (when.Usage & (1 << (int)UsageLevel.Heavy)) != 0;
        var defect = (when.Defect & 0b10) != 0;
        if (heavy || defect)
        {
            var what = heavy && defect ? "heavy signs of use and described defects" : heavy ? "heavy signs of use" : "described defects";
            var fix = heavy && defect ? "when.signsOfUse and \"defectDescribed\": false" : heavy ? "when.signsOfUse" : "\"defectDescribed\": false";
            Error($"{rulePath}.then.grade", $"grade {grade.Name()} means {(grade == ConditionGrade.A ? "new" : "like new")}, but the rule also matches {what}; restrict it with {fix}, or give a lower grade.");
        }
    }

    private ReadOnlyCollection<Disposition>?[] CompileDispositions(Dictionary<string, List<string?>?>? map, string path, bool isDefault)
    {
        var result = new ReadOnlyCollection<Disposition>?[GradingNames.Grades.Length];
        if (map is null)
        {
            if (isDefault)
            {
                Error(path, "is required: the dispositions for each grade A, B, C, D and X, best first.");
            }

            return result;
        }

        foreach (var (key, names) in map)
        {
            var gradePath = $"{path}.{key}";
            var gradeIndex = GradingNames.IndexOf(GradingNames.Grades, key);
            if (gradeIndex < 0)
            {
                Error(gradePath, $"'{key}' is not a grade; expected {GradingNames.Expected(GradingNames.Grades)}.");
                continue;
            }

            if (names is not { Count: > 0 })
            {
                Error(gradePath, "must list at least one disposition, best first.");
                continue;
            }

            var grade = (ConditionGrade)gradeIndex;
            var list = new List<Disposition>(names.Count);
            for (var i = 0; i < names.Count; i++)
            {
                var index = GradingNames.IndexOf(GradingNames.Dispositions, names[i]);
                if (index < 0)
                {
                    Error($"{gradePath}[{i}]", $"'{names[i]}' is not a disposition; expected {GradingNames.Expected(GradingNames.Dispositions)}.");
                    continue;
                }

                var disposition = (Disposition)index;
                if (list.Contains(disposition))
                {
                    Error($"{gradePath}[{i}]", $"'{names[i]}' is listed twice.");
                }
                else if (Contradiction(grade, disposition) is { } why)
                {
                    Error($"{gradePath}[{i}]", $"'{names[i]}' contradicts grade {grade.Name()}: {why}");
                }
                else
                {
                    list.Add(disposition);
                }
            }

            result[gradeIndex] = list.AsReadOnly();
        }

        if (isDefault)
        {
            var missing = GradingNames.Grades.Where((_, g) => !map.ContainsKey(GradingNames.Grades[g])).ToArray();
            if (missing.Length > 0)
            {
                Error(path, $"has no dispositions for grade {string.Join(", ", missing)}; the default must route every grade.");
            }
        }

        return result;
    }

    private static string? Contradiction(ConditionGrade grade, Disposition disposition) => (grade, disposition) switch
    {
        (ConditionGrade.B, Disposition.RestockAsNew) => "a B item needs repackaging before it can be sold as new.",
        (ConditionGrade.C or ConditionGrade.D or ConditionGrade.X, Disposition.RestockAsNew or Disposition.RepackageAndRestock) =>
            "a used, damaged or unsellable item cannot go back to stock as new.",
        (ConditionGrade.X, Disposition.Refurbish or Disposition.SellAsOutlet) => "an X item is not resellable in any form.",
        _ => null,
    };

    private RefundConsequence?[] CompileRefunds(Dictionary<string, RefundConsequenceDto?>? map, string path, bool isDefault)
    {
        var result = new RefundConsequence?[GradingNames.Grades.Length];
        if (map is null)
        {
            if (isDefault)
            {
                Error(path, "is required: what a discrepancy costs the customer for each inspected grade A, B, C, D and X.");
            }

            return result;
        }

        foreach (var (key, dto) in map)
        {
            var gradePath = $"{path}.{key}";
            var gradeIndex = GradingNames.IndexOf(GradingNames.Grades, key);
            if (gradeIndex < 0)
            {
                Error(gradePath, $"'{key}' is not a grade; expected {GradingNames.Expected(GradingNames.Grades)}.");
                continue;
            }

            if (dto is null)
            {
                Error(gradePath, "must be an object such as { \"action\": \"deduct\", \"percent\": 20 }, not null.");
                continue;
            }

            result[gradeIndex] = CompileRefund(dto, gradePath);
        }

        if (isDefault)
        {
            var missing = GradingNames.Grades.Where(g => !map.ContainsKey(g)).ToArray();
            if (missing.Length > 0)
            {
                Error(path, $"has no consequence for grade {string.Join(", ", missing)}; the default must state one for every grade.");
            }
        }

        return result;
    }

    private RefundConsequence? CompileRefund(RefundConsequenceDto dto, string path)
    {
        switch (GradingNames.IndexOf(GradingNames.RefundActions, dto.Action))
        {
            case 0 or 2 when dto.Percent is not null:
                Error($"{path}.percent", $"contradicts \"action\": \"{dto.Action}\"; a percentage belongs only to \"deduct\".");
                return null;
            case 0:
                return RefundConsequence.FullRefund;
            case 2:
                return RefundConsequence.Rejection;
            case 1 when dto.Percent is null:
                Error($"{path}.percent", "is required with \"deduct\": the share of the refund kept back, above 0 and below 100.");
                return null;
            case 1 when dto.Percent is <= 0m or >= 100m:
                Error($"{path}.percent", $"must be above 0 and below 100 (use \"full_refund\" or \"reject\" otherwise); got {dto.Percent.Value.ToString(CultureInfo.InvariantCulture)}.");
                return null;
            case 1:
                return RefundConsequence.Deduction(dto.Percent!.Value);
            default:
                Error($"{path}.action", dto.Action is null
                    ? $"is required: {GradingNames.Expected(GradingNames.RefundActions)}."
                    : $"'{dto.Action}' is not a refund action; expected {GradingNames.Expected(GradingNames.RefundActions)}.");
                return null;
        }
    }

    // A worse inspected grade must never cost the customer less than a better one.
    private void CheckRefundsGetStricter(CompiledCategory category, Section section)
    {
        var refunds = category.DiscrepancyRefunds;
        for (var g = 1; g < refunds.Length; g++)
        {
            if (Strictness(refunds[g]) >= Strictness(refunds[g - 1]))
            {
                continue;
            }

            var path = section.Refunds[g] is not null ? $"{section.Path}.discrepancyRefunds.{GradingNames.Grades[g]}"
                : section.Refunds[g - 1] is not null ? $"{section.Path}.discrepancyRefunds.{GradingNames.Grades[g - 1]}"
                : $"{section.Path}.discrepancyRefunds";
            Error(path, $"is more lenient for grade {GradingNames.Grades[g]} ({refunds[g]}) than for the better grade {GradingNames.Grades[g - 1]} ({refunds[g - 1]}); a worse inspected grade must never cost the customer less.");
            return;
        }
    }

    private static decimal Strictness(RefundConsequence consequence) => consequence.Action switch
    {
        RefundAction.FullRefund => 0m,
        RefundAction.Deduction => consequence.DeductionPercent,
        _ => 100m,
    };

    // Decides every declaration class once with the section's own rules, to find rules that can never apply and, for
    // the default, declarations no rule covers.
    private void CheckReachable(Section section)
    {
        var rules = section.Rules;
        if (rules.Length == 0)
        {
            return;
        }

        var bands = Bands(rules, []);
        var winners = new int[DeclarationSpace.ClassesPerBand * (bands.Length + 1)];
        var won = new bool[rules.Length];
        var firstUncovered = -1;
        ForEachClass(bands, section.Tagged, (index, p, u, t, d, h, f, photos) =>
        {
            winners[index] = -1;
            for (var r = 0; r < rules.Length; r++)
            {
                if (rules[r].When.Matches(p, u, t, d, h, f, photos))
                {
                    winners[index] = r;
                    won[r] = true;
                    return;
                }
            }

            if (firstUncovered < 0)
            {
                firstUncovered = index;
            }
        });

        for (var r = 0; r < rules.Length; r++)
        {
            if (won[r])
            {
                continue;
            }

            var earlier = new SortedSet<int>();
            var rule = rules[r];
            ForEachClass(bands, section.Tagged, (index, p, u, t, d, h, f, photos) =>
            {
                if (rule.When.Matches(p, u, t, d, h, f, photos))
                {
                    earlier.Add(winners[index]);
                }
            });

            var path = rule.Info.Path;
            if (earlier.Count == 0)
            {
                Error($"{path}.when", "matches no declaration: its conditions exclude each other.");
            }
            else
            {
                var by = string.Join(", ", earlier.Select(i => rules[i].Info.Path));
                Error($"{path}.when", $"can never apply: every declaration it matches is already graded by the earlier rule{(earlier.Count > 1 ? "s" : string.Empty)} {by} (the first matching rule wins).");
            }
        }

        if (section.IsDefault && firstUncovered >= 0)
        {
            Error($"{section.Path}.rules", $"do not grade every declaration, e.g. {DescribeClass(firstUncovered, bands)}; end them with a rule without \"when\" so that every line gets a grade.");
        }
    }

    private CompiledCategory Build(Section section, Section? defaults)
    {
        var bands = Bands(section.Rules, defaults?.Rules ?? []);
        var table = new GradingOutcome[DeclarationSpace.ClassesPerBand * (bands.Length + 1)];
        var outcomes = new Dictionary<(CompiledRule, GradingReasons), GradingOutcome>();
        foreach (var rule in section.Rules)
        {
            rule.Inspected = new GradingOutcome(rule, rule.Info.Confidence, GradingReasons.Inspected | (section.IsDefault ? GradingReasons.DefaultRules : GradingReasons.None));
        }

        ForEachClass(bands, tagged: true, (index, p, u, t, d, h, f, photos) =>
        {
            var fromDefault = section.IsDefault;
            var rule = Array.Find(section.Rules, r => r.When.Matches(p, u, t, d, h, f, photos));
            if (rule is null)
            {
                rule = Array.Find(defaults!.Rules, r => r.When.Matches(p, u, t, d, h, f, photos))!;
                fromDefault = true;
            }

            var reasons = fromDefault ? GradingReasons.DefaultRules : GradingReasons.None;
            var confidence = rule.Info.Confidence;
            if (d == 1 && photos == 0)
            {
                reasons |= GradingReasons.DefectWithoutPhotos;
                confidence *= _defectWithoutPhotos;
            }

            if (section.Tagged && t == DeclarationSpace.TagsUnknown)
            {
                reasons |= GradingReasons.TagsUnknown;
                confidence *= _tagsUnknown;
            }

            if (u != (int)UsageLevel.None && photos == 0)
            {
                reasons |= GradingReasons.UsageWithoutPhotos;
                confidence *= _usageWithoutPhotos;
            }

            if (!outcomes.TryGetValue((rule, reasons), out var outcome))
            {
                outcome = new GradingOutcome(rule, Math.Round(confidence, 3, MidpointRounding.AwayFromZero), reasons);
                outcomes.Add((rule, reasons), outcome);
            }

            table[index] = outcome;
        });

        return new CompiledCategory
        {
            Name = section.Name ?? "default",
            IsDefault = section.IsDefault,
            Tagged = section.Tagged,
            PhotoBands = bands,
            Table = table,
            Dispositions = [.. section.Dispositions.Select((own, g) => own ?? defaults!.Dispositions[g]!)],
            DiscrepancyRefunds = [.. section.Refunds.Select((own, g) => own ?? defaults!.Refunds[g]!)],
        };
    }

    // The photo counts at which some rule's photo condition changes: 1 always (so that band 0 is "no photo"), every
    // minPhotos and every maxPhotos + 1.
    private static int[] Bands(CompiledRule[] rules, CompiledRule[] more)
    {
        var starts = new SortedSet<int> { 1 };
        foreach (var rule in rules.Concat(more))
        {
            if (rule.When.MinPhotos > 0)
            {
                starts.Add(rule.When.MinPhotos);
            }

            if (rule.When.MaxPhotos < int.MaxValue)
            {
                starts.Add(rule.When.MaxPhotos + 1);
            }
        }

        return [.. starts];
    }

    private delegate void ClassVisitor(int index, int packaging, int usage, int tags, int defect, int hygiene, int fault, int photos);

    private static void ForEachClass(int[] bands, bool tagged, ClassVisitor visit)
    {
        for (var band = 0; band <= bands.Length; band++)
        {
            var photos = band == 0 ? 0 : bands[band - 1];
            for (var f = 0; f < DeclarationSpace.Faults; f++)
            {
                for (var h = 0; h < 2; h++)
                {
                    for (var d = 0; d < 2; d++)
                    {
                        for (var t = tagged ? 0 : DeclarationSpace.TagsUnknown; t < DeclarationSpace.TagStates; t++)
                        {
                            for (var u = 0; u < DeclarationSpace.Usages; u++)
                            {
                                for (var p = 0; p < DeclarationSpace.Packagings; p++)
                                {
                                    visit(DeclarationSpace.Index(p, u, t, d, h, f, band), p, u, t, d, h, f, photos);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    private static string DescribeClass(int index, int[] bands)
    {
        var p = index % 3;
        index /= 3;
        var u = index % 3;
        index /= 3;
        var t = index % 3;
        index /= 3;
        var d = index % 2;
        index /= 2;
        var h = index % 2;
        index /= 2;
        var f = index % 3;
        var band = index / 3;
        var photos = band == 0 ? "no photo" : band == bands.Length ? $"{bands[band - 1]} or more photos" : $"{bands[band - 1]} to {bands[band] - 1} photos";
        return $"packaging \"{GradingNames.Packagings[p]}\", signs of use \"{GradingNames.Usages[u]}\", tags \"{GradingNames.TagStates[t]}\", "
            + $"{(d == 1 ? "a defect described" : "no defect described")}, {photos}, {(h == 1 ? "a hygiene product" : "not a hygiene product")}, reason fault \"{GradingNames.Faults[f]}\"";
    }

    private int CompileExemptFaults(List<string?>? faults)
    {
        const string Path = "$.exemptFaults";
        if (faults is null)
        {
            return 1 << (int)ReturnFault.Retailer;
        }

        var mask = 0;
        for (var i = 0; i < faults.Count; i++)
        {
            var index = GradingNames.IndexOf(GradingNames.Faults, faults[i]);
            if (index < 0)
            {
                Error($"{Path}[{i}]", $"'{faults[i]}' is not a fault; expected {GradingNames.Expected(GradingNames.Faults)}.");
            }
            else if ((mask & (1 << index)) != 0)
            {
                Error($"{Path}[{i}]", $"'{faults[i]}' is listed twice.");
            }
            else
            {
                mask |= 1 << index;
            }
        }

        if ((mask & (1 << (int)ReturnFault.Retailer)) == 0 && !_errors.Any(e => e.Path.StartsWith(Path, StringComparison.Ordinal)))
        {
            Error(Path, "must include \"retailer\": a discrepancy on a line returned for the retailer's fault (defective, not as described, wrong item sent) is never penalised.");
        }

        return mask;
    }

    private double Factor(decimal? value, decimal fallback, string path)
    {
        var factor = value ?? fallback;
        if (factor is <= 0m or > 1m)
        {
            Error(path, $"must be a factor above 0 and at most 1 (1 leaves the confidence unchanged); got {factor.ToString(CultureInfo.InvariantCulture)}.");
            return 1.0;
        }

        return (double)factor;
    }

    private int Mask(List<string?>? values, string[] names, string path, string what)
    {
        if (values is null)
        {
            return (1 << names.Length) - 1;
        }

        if (values.Count == 0)
        {
            Error(path, "is empty and would match nothing; leave the field out to match any value.");
            return 0;
        }

        var mask = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var index = GradingNames.IndexOf(names, values[i]);
            if (index < 0)
            {
                Error($"{path}[{i}]", $"'{values[i]}' is not {what}; expected {GradingNames.Expected(names)}.");
            }
            else if ((mask & (1 << index)) != 0)
            {
                Error($"{path}[{i}]", $"'{values[i]}' is listed twice.");
            }
            else
            {
                mask |= 1 << index;
            }
        }

        return mask;
    }

    private int? Photos(int? value, string path)
    {
        if (value is { } count && (count < 0 || count > MaxPhotoCondition))
        {
            Error(path, $"must be between 0 and {MaxPhotoCondition}; got {count}.");
            return null;
        }

        return value;
    }

    private void Error(string path, string message) => _errors.Add(new ValidationError(path, message));

    private sealed record Section(
        string? Name,
        string Path,
        bool Tagged,
        bool IsDefault,
        CompiledRule[] Rules,
        ReadOnlyCollection<Disposition>?[] Dispositions,
        RefundConsequence?[] Refunds);
}
