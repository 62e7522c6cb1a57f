using Returns.Sdk.Grading;

namespace Returns.Sdk.Lifecycle;

/// <summary>One order line, or part of it, that a return brings back.</summary>
public sealed record ReturnRequestLine
{
    /// <summary>Creates a line.</summary>
    /// <param name="orderNumber">The order the line belongs to.</param>
    /// <param name="lineId">The order line.</param>
    /// <param name="sku">The product.</param>
    /// <param name="quantity">How many units come back; at least one.</param>
    /// <param name="reasonCode">The return reason's snake_case code.</param>
    /// <exception cref="ArgumentException">An empty text.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity below one.</exception>
    public ReturnRequestLine(string orderNumber, string lineId, string sku, int quantity, string reasonCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentException.ThrowIfNullOrWhiteSpace(reasonCode);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        OrderNumber = orderNumber;
        LineId = lineId;
        Sku = sku;
        Quantity = quantity;
        ReasonCode = reasonCode;
    }

    /// <summary>The order the line belongs to.</summary>
    public string OrderNumber { get; }

    /// <summary>The order line.</summary>
    public string LineId { get; }

    /// <summary>The product.</summary>
    public string Sku { get; }

    /// <summary>How many units come back.</summary>
    public int Quantity { get; }

    /// <summary>The return reason's code.</summary>
    public string ReasonCode { get; }

    /// <summary>The customer's comment on the reason.</summary>
    public string? Comment { get; init; }

    /// <summary>The product category, for grading and analytics.</summary>
    public string? Category { get; init; }

    /// <summary>What the customer declared about the condition.</summary>
    public DeclaredCondition? Condition { get; init; }

    /// <summary>The grade given at inspection, once inspected.</summary>
    public ConditionGrade? InspectedGrade { get; init; }

    /// <summary>Where the items go after inspection, once decided.</summary>
    public Disposition? Disposition { get; init; }

    /// <summary>The share of the refund withheld because inspection found the items worse than declared, 0–100 %.</summary>
    public decimal DeductionPercent
    {
        get;
        init => field = value is >= 0m and <= 100m ? value : throw new ArgumentOutOfRangeException(nameof(DeductionPercent), value, $"Line '{LineId}': a deduction is between 0 and 100 percent.");
    }

    /// <summary>The warehouse or store that carries out <see cref="Disposition"/>.</summary>
    public string? DispositionSiteId { get; init; }
}
