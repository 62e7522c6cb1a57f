namespace Returns.Sdk.Grading;

/// <summary>
/// Why an assessment came out as it did, beyond the rule that matched. The first three lower the confidence of a
/// customer's declaration (see <c>docs/grading.md</c>); stable codes, combinable.
/// </summary>
[Flags]
public enum GradingReasons
{
    /// <summary>Nothing beyond the rule.</summary>
    None = 0,

    /// <summary>A defect is described but no photo shows it.</summary>
    DefectWithoutPhotos = 1,

    /// <summary>The category's products carry tags, but the declaration does not say whether they are still attached.</summary>
    TagsUnknown = 2,

    /// <summary>Signs of use are declared but no photo shows them.</summary>
    UsageWithoutPhotos = 4,

    /// <summary>The default rules graded the line: its category is not listed, or none of the category's own rules matched.</summary>
    DefaultRules = 8,

    /// <summary>Graded from an inspection rather than the customer's declaration; the declaration penalties do not apply.</summary>
    Inspected = 16,

    /// <summary>The inspection found a different item than the one sold; it is graded X whatever its condition.</summary>
    ItemSwapped = 32,
}
