namespace Returns.Sdk.SelfService;

/// <summary>One order line the customer wants to send back, with why and in what state.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Quantity">How many units, at least 1.</param>
/// <param name="ReasonCode">A reason code of the configured taxonomy, e.g. <c>too_small</c>.</param>
public sealed record SelfServiceItem(string LineId, int Quantity, string ReasonCode)
{
    /// <summary>The customer's words; required when the reason asks for a comment.</summary>
    public string? Comment { get; init; }

    /// <summary>The customer's answers to the condition questions.</summary>
    public DeclaredCondition? Condition { get; init; }
}
