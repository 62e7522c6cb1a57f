namespace Returns.Sdk.Grading;

/// <summary>
/// Grades returned lines by a <see cref="GradingRules"/> document: a customer's declaration before the item travels,
/// and the inspector's findings when it arrives. A pure function of the rules and its input; thread-safe, register one
/// as a singleton. The rules are decided for every possible declaration when they load, so grading a line is a table
/// lookup that allocates only the assessment.
/// </summary>
public sealed class ConditionGrader
{
    /// <summary>Creates a grader.</summary>
    /// <param name="rules">The rules to apply.</param>
    public ConditionGrader(GradingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    /// <summary>The rules applied.</summary>
    public GradingRules Rules { get; }

    /// <summary>Grades one line from the customer's declaration.</summary>
    /// <param name="line">The product, the declaration and the reason.</param>
    /// <returns>The grade, its confidence, the rule that matched and the reason codes.</returns>
    public GradeAssessment Grade(GradingInput line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var category = Rules.Resolve(line.Product.Category);
        var outcome = category.Decide(line.Condition, line.Product.Hygiene, line.Reason.Fault, extraDefect: false);
        return new GradeAssessment(outcome, line.LineId);
    }

    /// <summary>Grades every line of a return.</summary>
    /// <param name="lines">The lines, in any order; line ids, when given, must be unique.</param>
    /// <returns>One assessment per line, in the order given.</returns>
    /// <exception cref="ArgumentException">A line is null, or two lines share an id.</exception>
    public IReadOnlyList<GradeAssessment> GradeReturn(IReadOnlyList<GradingInput> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var results = new GradeAssessment[lines.Count];
        HashSet<string>? ids = null;
        for (var i = 0; i < results.Length; i++)
        {
            var line = lines[i] ?? throw new ArgumentException($"Line {i} is null.", nameof(lines));
            if (line.LineId is { } id && !IsFirstUse(id, results.AsSpan(0, i), ref ids))
            {
                throw new ArgumentException($"Line id '{id}' appears twice in the return.", nameof(lines));
            }

            results[i] = Grade(line);
        }

        return results;
    }

    // A return has a handful of lines: compare directly, and only build a set for unusually large returns.
    private static bool IsFirstUse(string id, ReadOnlySpan<GradeAssessment> earlier, ref HashSet<string>? ids)
    {
        const int DirectComparisons = 32;
        if (earlier.Length < DirectComparisons)
        {
            foreach (var assessment in earlier)
            {
                if (string.Equals(assessment.LineId, id, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        if (ids is null)
        {
            ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var assessment in earlier)
            {
                if (assessment.LineId is { } seen)
                {
                    ids.Add(seen);
                }
            }
        }

        return ids.Add(id);
    }

    /// <summary>
    /// Regrades a line from what the inspector found and compares it with the customer's declaration: the
    /// discrepancy, and what it means for the refund under the rules and the fault exemption.
    /// </summary>
    /// <param name="declared">The line as the customer declared it.</param>
    /// <param name="inspection">What the inspector found.</param>
    /// <returns>The inspected grade, the discrepancy and the refund consequence.</returns>
    public InspectionOutcome Inspect(GradingInput declared, InspectionRecord inspection)
    {
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(inspection);
        var compiled = Rules.Compiled;
        var category = Rules.Resolve(declared.Product.Category);
        var fault = declared.Reason.Fault;
        var declaredAssessment = Grade(declared);
        var found = inspection.Condition;
        var inspectedOutcome = inspection.ItemSwapped
            ? compiled.ItemSwapped
            : category.Decide(found, declared.Product.Hygiene, fault, extraDefect: inspection.MissingParts).Compiled.Inspected;
        var inspected = new GradeAssessment(inspectedOutcome, declared.LineId);

        var distance = (int)inspected.Grade - (int)declaredAssessment.Grade;
        var facts = DiscrepancyFacts.None;
        if (inspection.ItemSwapped)
        {
            facts |= DiscrepancyFacts.ItemSwapped;
        }

        if (distance > 0)
        {
            facts |= DiscrepancyFacts.WorseGrade;
        }

        if (category.Tagged && declared.Condition.TagsAttached == true && found.TagsAttached == false)
        {
            facts |= DiscrepancyFacts.TagsRemoved;
        }

        if (inspection.MissingParts && declared.Condition.DefectDescription is null)
        {
            facts |= DiscrepancyFacts.MissingParts;
        }

        var severity = facts.HasFlag(DiscrepancyFacts.ItemSwapped) || distance >= 3 ? DiscrepancySeverity.Severe
            : distance == 2 || (facts & (DiscrepancyFacts.TagsRemoved | DiscrepancyFacts.MissingParts)) != 0 ? DiscrepancySeverity.Major
            : distance == 1 ? DiscrepancySeverity.Minor
            : DiscrepancySeverity.None;

        var (refund, basis) = severity switch
        {
            _ when inspection.ItemSwapped => (RefundConsequence.Rejection, RefundBasis.ItemSwapped),
            DiscrepancySeverity.None => (RefundConsequence.FullRefund, RefundBasis.NoDiscrepancy),
            _ when Rules.IsExempt(fault) => (RefundConsequence.FullRefund, RefundBasis.FaultExempt),
            _ => (category.DiscrepancyRefunds[(int)inspected.Grade], RefundBasis.InspectedGrade),
        };

        return new InspectionOutcome(declaredAssessment, inspected, inspection, facts, severity, refund, basis, fault);
    }
}
