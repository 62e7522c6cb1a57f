namespace Returns.Sdk.Policy;

/// <summary>One line the customer wants to send back, with how many units and why.</summary>
public sealed record RequestedReturnLine
{
    /// <summary>Creates a requested line.</summary>
    /// <param name="lineId">The order line's id.</param>
    /// <param name="quantity">Units to return, at least 1.</param>
    /// <exception cref="ArgumentException">The id is blank or the quantity below 1.</exception>
    public RequestedReturnLine(string lineId, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"Line '{lineId}': a returned quantity must be at least 1.");
        }

        LineId = lineId;
        Quantity = quantity;
    }

    /// <summary>The order line's id.</summary>
    public string LineId { get; }

    /// <summary>Units to return.</summary>
    public int Quantity { get; }

    /// <summary>Why, when already known.</summary>
    public ReturnReason? Reason { get; init; }

    /// <summary>The customer's words; required when the reason asks for them.</summary>
    public string? Comment { get; init; }

    /// <summary>The declared condition, when already known.</summary>
    public DeclaredCondition? Condition { get; init; }
}
