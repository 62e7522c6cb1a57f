using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// One service of one carrier in a rate card: how a parcel may be handed in, how dimensional weight is counted,
/// and its price bands per zone.
/// </summary>
/// <param name="Carrier">The carrier's name as the rate card spells it, e.g. <c>postnl</c>.</param>
/// <param name="Service">The service's name as the rate card spells it, e.g. <c>DomesticPakket</c>.</param>
public sealed record RateCardService(string Carrier, string Service)
{
    /// <summary>The return methods this service offers; at least one, no duplicates.</summary>
    public IReadOnlyList<ReturnMethod> Methods { get; init; } = [];

    /// <summary>
    /// The dimensional-weight divisor in cm³ per kg (e.g. 5000): the billable weight is the larger of the actual weight
    /// and length × width × height in cm³ divided by this, in kg. <see langword="null"/> when the service bills actual weight only.
    /// </summary>
    public decimal? DimensionalDivisor { get; init; }

    /// <summary>
    /// The price bands. In a loaded <see cref="RateCard"/> they are grouped by zone and size limits (in order of first
    /// appearance) and sorted by weight within a group.
    /// </summary>
    public IReadOnlyList<RateBand> Bands { get; init; } = [];
}
