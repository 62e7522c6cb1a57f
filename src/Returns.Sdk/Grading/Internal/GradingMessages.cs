using System.Globalization;
using System.Text;

namespace Returns.Sdk.Grading.Internal;

// Explanations are composed from a result's facts when they are read, so that grading and routing allocate no strings.
internal static class GradingMessages
{
    public static string Describe(GradingOutcome outcome)
    {
        if (outcome.Reasons.HasFlag(GradingReasons.ItemSwapped))
        {
            return "A different item came back than the one sold for this line: grade X.";
        }

        var rule = outcome.Rule;
        var text = new StringBuilder(rule.Explanation);
        if (!rule.Explanation.EndsWith('.'))
        {
            text.Append('.');
        }

        text.Append(" Grade ").Append(rule.Grade.Name()).Append(" by rule '").Append(rule.Name).Append('\'');
        text.Append(rule.Category is null ? " of the default rules" : $" for {rule.Category}");
        var lowered = new List<string>(3);
        if (outcome.Reasons.HasFlag(GradingReasons.DefectWithoutPhotos))
        {
            lowered.Add("a defect is described without a photo");
        }

        if (outcome.Reasons.HasFlag(GradingReasons.UsageWithoutPhotos))
        {
            lowered.Add("signs of use are declared without a photo");
        }

        if (outcome.Reasons.HasFlag(GradingReasons.TagsUnknown))
        {
            lowered.Add("the declaration does not say whether the tags are attached");
        }

        if (lowered.Count == 0)
        {
            text.Append(Invariant($", confidence {outcome.Confidence:0.###}."));
        }
        else
        {
            text.Append(Invariant($", confidence lowered from {rule.Confidence:0.###} to {outcome.Confidence:0.###}: ")).AppendJoin("; ", lowered).Append('.');
        }

        return text.ToString();
    }

    public static string Describe(DispositionDecision decision)
    {
        var grade = decision.Grade.Name();
        var preferences = string.Join(", ", decision.Preferences.Select(p => p.Name()));
        return decision.Outcome switch
        {
            DispositionOutcome.Preferred =>
                $"Grade {grade} {decision.Category}: {decision.Disposition!.Value.Name()} at '{decision.WarehouseId}', the first preference.",
            DispositionOutcome.Fallback =>
                $"Grade {grade} {decision.Category}: {decision.Disposition!.Value.Name()} at '{decision.WarehouseId}', which cannot "
                + string.Join(" or ", decision.Preferences.TakeWhile(p => p != decision.Disposition).Select(p => p.Name())) + ".",
            _ => $"No route for grade {grade} {decision.Category} at '{decision.WarehouseId}': it can do none of {preferences}. Send the item to a site that can, or decide by hand.",
        };
    }

    public static string Describe(InspectionOutcome outcome)
    {
        var declared = outcome.Declared.Grade.Name();
        var inspected = outcome.Inspected.Grade.Name();
        var where = $"{(outcome.Site == InspectionSite.Store ? "store" : "warehouse")} '{outcome.SiteId}'";
        var finding = outcome.Discrepancy == DiscrepancySeverity.None
            ? $"Inspected at {where}: grade {inspected}, declared {declared}; no discrepancy."
            : $"Inspected at {where}: grade {inspected}, declared {declared}; {Severity(outcome.Discrepancy)} discrepancy ({Facts(outcome.Facts)}).";
        var consequence = outcome.Basis switch
        {
            RefundBasis.NoDiscrepancy => "Full refund.",
            RefundBasis.FaultExempt => $"Full refund: the reason is the {outcome.ReasonFault.Name()}'s fault, which is never penalised.",
            RefundBasis.ItemSwapped => "Refund rejected: the item returned is not the one sold.",
            _ => $"Refund for an inspected grade {inspected}: {outcome.Refund}.",
        };
        return finding + " " + consequence;
    }

    private static string Severity(DiscrepancySeverity severity) => severity switch
    {
        DiscrepancySeverity.Minor => "a minor",
        DiscrepancySeverity.Major => "a major",
        _ => "a severe",
    };

    private static string Facts(DiscrepancyFacts facts)
    {
        var parts = new List<string>(4);
        if (facts.HasFlag(DiscrepancyFacts.ItemSwapped))
        {
            parts.Add("a different item came back");
        }

        if (facts.HasFlag(DiscrepancyFacts.WorseGrade))
        {
            parts.Add("worse than declared");
        }

        if (facts.HasFlag(DiscrepancyFacts.TagsRemoved))
        {
            parts.Add("tags removed that were declared attached");
        }

        if (facts.HasFlag(DiscrepancyFacts.MissingParts))
        {
            parts.Add("parts missing that were not declared");
        }

        return string.Join(", ", parts);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
