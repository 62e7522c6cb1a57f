using Returns.Sdk.Policy;

namespace Returns.Sdk.ReturnOptions;

/// <summary>Asks for the return options of an order's returnable lines, from where the customer is.</summary>
/// <param name="Order">The order being returned.</param>
/// <param name="Policy">The policy's evaluation of the requested lines (<see cref="ReturnPolicyEngine.Evaluate(PolicyEvaluationRequest)"/>).</param>
/// <param name="CustomerAddress">Where the return starts; its coordinates, else its postcode, locate the customer.</param>
public sealed record ReturnOptionQuery(Order Order, PolicyEvaluation Policy, Address CustomerAddress)
{
    /// <summary>Where the customer is, when known more precisely than the address (e.g. from the phone).</summary>
    public GeoPoint? CustomerLocation { get; init; }

    /// <summary>The ranking; the configured default strategy when not set.</summary>
    public IReturnOptionRanking? Ranking { get; init; }

    /// <summary>The customer's time zone, for "open now" and dates; UTC when not set.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The instant the options are for; the clock when not set.</summary>
    public DateTimeOffset? At { get; init; }
}
