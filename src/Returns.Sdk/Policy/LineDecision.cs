namespace Returns.Sdk.Policy;

/// <summary>The policy's decision for one order line, explained by a code and a message.</summary>
public sealed record LineDecision
{
    internal LineDecision(OrderLine line)
    {
        LineId = line.LineId;
        Sku = line.Sku;
    }

    /// <summary>The order line's id.</summary>
    public string LineId { get; }

    /// <summary>The line's SKU.</summary>
    public string Sku { get; }

    /// <summary>True when the requested (or, with no request, any) quantity may come back.</summary>
    public bool IsReturnable { get; internal init; }

    /// <summary>Why.</summary>
    public PolicyDecisionCode Code { get; internal init; }

    /// <summary>Units that may still come back: bought minus already returned, or zero when not returnable.</summary>
    public int ReturnableQuantity { get; internal init; }

    /// <summary>Units the customer asked to return; zero when the line was not requested.</summary>
    public int RequestedQuantity { get; internal init; }

    /// <summary>The first instant at which the line is no longer returnable; <see langword="null"/> while open-ended.</summary>
    public DateTimeOffset? Deadline { get; internal init; }

    /// <summary>
    /// The last local day (in the policy's time zone) on which the line may be returned; <see langword="null"/> while open-ended.
    /// </summary>
    public DateOnly? LastDay => Deadline is { } deadline ? DateOnly.FromDateTime(deadline.DateTime).AddDays(-1) : null;

    /// <summary>Which rule set the deadline.</summary>
    public WindowSource WindowSource { get; internal init; }

    /// <summary>What the window counts from.</summary>
    public WindowBasis WindowBasis { get; internal init; }

    /// <summary>The length of the retailer's window that applied, in days.</summary>
    public int WindowDays { get; internal init; }

    /// <summary>The name of the window rule or seasonal extension that applied, if any.</summary>
    public string? RuleName { get; internal init; }

    /// <summary>The restocking fee for the requested (or returnable) units, rounded; zero when none applies.</summary>
    public Money RestockingFee { get; internal init; }

    /// <summary>The restocking percentage that applied; zero when none.</summary>
    public decimal RestockingPercent { get; internal init; }

    /// <summary>True when this line's reason waives return fees (retailer or carrier at fault).</summary>
    public bool WaivesFees { get; internal init; }

    /// <summary>How the customer may be paid back for this line.</summary>
    public RefundTypes RefundTypes { get; internal init; }

    /// <summary>The explanation, in English.</summary>
    public string Message => Internal.PolicyMessages.Describe(this);
}
