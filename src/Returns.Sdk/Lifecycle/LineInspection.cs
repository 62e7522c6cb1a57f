using Returns.Sdk.Grading;

namespace Returns.Sdk.Lifecycle;

/// <summary>What inspection decided for one line of a return.</summary>
/// <param name="OrderNumber">The line's order.</param>
/// <param name="LineId">The order line.</param>
/// <param name="Grade">The inspected grade.</param>
public sealed record LineInspection(string OrderNumber, string LineId, ConditionGrade Grade)
{
    /// <summary>Where the items go, when routed.</summary>
    public Disposition? Disposition { get; init; }

    /// <summary>The store or warehouse that carries out <see cref="Disposition"/>.</summary>
    public string? DispositionSiteId { get; init; }

    /// <summary>The share of the refund withheld, 0–100 %.</summary>
    public decimal DeductionPercent { get; init; }
}
