namespace Returns.Sdk.Policy;

/// <summary>What to evaluate: an order, what has already come back, and optionally what the customer wants to return.</summary>
/// <param name="Order">The order.</param>
public sealed record PolicyEvaluationRequest(Order Order)
{
    /// <summary>The instant to judge at; the engine's <see cref="TimeProvider"/> when <see langword="null"/>.</summary>
    public DateTimeOffset? At { get; init; }

    /// <summary>Units already returned per line id, from earlier returns of this order.</summary>
    public IReadOnlyDictionary<string, int>? AlreadyReturned { get; init; }

    /// <summary>
    /// The lines the customer wants to return. When <see langword="null"/>, every line is judged for its full
    /// returnable quantity (what a portal shows before the customer picks).
    /// </summary>
    public IReadOnlyList<RequestedReturnLine>? Items { get; init; }

    /// <summary>What the cheapest return would cost the retailer, for the keep-it rule; the policy's assumption when <see langword="null"/>.</summary>
    public Money? EstimatedReturnCost { get; init; }
}
