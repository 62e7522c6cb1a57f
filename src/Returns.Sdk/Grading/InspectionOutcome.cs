using Returns.Sdk.Grading.Internal;

namespace Returns.Sdk.Grading;

/// <summary>How far an inspection is from the customer's declaration.</summary>
public enum DiscrepancySeverity
{
    /// <summary>The item is as declared or better.</summary>
    None,

    /// <summary>One grade worse than declared.</summary>
    Minor,

    /// <summary>Two grades worse, or tags removed that were declared attached, or parts missing that were not declared.</summary>
    Major,

    /// <summary>Three or more grades worse, or a different item came back.</summary>
    Severe,
}

/// <summary>The facts behind a discrepancy.</summary>
[Flags]
public enum DiscrepancyFacts
{
    /// <summary>No discrepancy.</summary>
    None = 0,

    /// <summary>The inspected grade is worse than the declared grade.</summary>
    WorseGrade = 1,

    /// <summary>The customer declared the tags attached; the inspector found them removed (tagged categories only).</summary>
    TagsRemoved = 2,

    /// <summary>Parts are missing and the customer described no defect.</summary>
    MissingParts = 4,

    /// <summary>A different item came back than the one sold.</summary>
    ItemSwapped = 8,
}

/// <summary>Why the refund consequence is what it is.</summary>
public enum RefundBasis
{
    /// <summary>No discrepancy: full refund.</summary>
    NoDiscrepancy,

    /// <summary>A discrepancy, but the reason's fault is exempt from penalties (the retailer's, always): full refund.</summary>
    FaultExempt,

    /// <summary>A discrepancy: the rules' consequence for the inspected grade in the product's category.</summary>
    InspectedGrade,

    /// <summary>A different item came back: rejected, whatever the reason.</summary>
    ItemSwapped,
}

/// <summary>The result of regrading a line after inspection: the inspected grade, the discrepancy and the refund consequence.</summary>
public sealed record InspectionOutcome
{
    internal InspectionOutcome(GradeAssessment declared, GradeAssessment inspected, InspectionRecord inspection, DiscrepancyFacts facts, DiscrepancySeverity severity, RefundConsequence refund, RefundBasis basis, ReturnFault fault)
    {
        Declared = declared;
        Inspected = inspected;
        Site = inspection.Site;
        SiteId = inspection.SiteId;
        Facts = facts;
        Discrepancy = severity;
        Refund = refund;
        Basis = basis;
        ReasonFault = fault;
    }

    /// <summary>The grade of the customer's declaration.</summary>
    public GradeAssessment Declared { get; }

    /// <summary>The grade of what the inspector found.</summary>
    public GradeAssessment Inspected { get; }

    /// <summary>Grades between the two: positive when the item is worse than declared, negative when better.</summary>
    public int GradeDistance => (int)Inspected.Grade - (int)Declared.Grade;

    /// <summary>How far the inspection is from the declaration.</summary>
    public DiscrepancySeverity Discrepancy { get; }

    /// <summary>The facts behind <see cref="Discrepancy"/>.</summary>
    public DiscrepancyFacts Facts { get; }

    /// <summary>What happens to the refund.</summary>
    public RefundConsequence Refund { get; }

    /// <summary>Why.</summary>
    public RefundBasis Basis { get; }

    /// <summary>The fault of the line's return reason.</summary>
    public ReturnFault ReasonFault { get; }

    /// <summary>Where the inspection took place.</summary>
    public InspectionSite Site { get; }

    /// <summary>The warehouse or store id.</summary>
    public string SiteId { get; }

    /// <summary>The explanation in English.</summary>
    public string Explanation => GradingMessages.Describe(this);
}
