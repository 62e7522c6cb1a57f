using Returns.Sdk.Carriers;
using Returns.Sdk.Policy;

namespace Returns.Sdk.ReturnOptions;

/// <summary>Everything the option engine ranks: the policy's verdict, the parcel, where the customer is and the carriers' quotes.</summary>
public sealed record ReturnOptionRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="policy">The policy evaluation of the return: which methods are allowed and what they cost the customer.</param>
    /// <param name="parcel">The parcel the customer sends (see <c>ParcelEstimator</c>).</param>
    /// <param name="customerAddress">Where the return starts; decides the carriers' service areas.</param>
    /// <param name="customerLocation">Where the customer is, for the nearest places.</param>
    /// <param name="quotes">The carriers' quotes for the parcel, from every registered carrier.</param>
    /// <exception cref="ArgumentNullException">A value is missing.</exception>
    public ReturnOptionRequest(PolicyEvaluation policy, Parcel parcel, Address customerAddress, GeoPoint customerLocation, IReadOnlyList<RateQuote> quotes)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(parcel);
        ArgumentNullException.ThrowIfNull(customerAddress);
        ArgumentNullException.ThrowIfNull(quotes);
        Policy = policy;
        Parcel = parcel;
        CustomerAddress = customerAddress;
        CustomerLocation = customerLocation;
        Quotes = quotes;
    }

    /// <summary>The policy evaluation of the return.</summary>
    public PolicyEvaluation Policy { get; }

    /// <summary>The parcel the customer sends.</summary>
    public Parcel Parcel { get; }

    /// <summary>Where the return starts.</summary>
    public Address CustomerAddress { get; }

    /// <summary>Where the customer is.</summary>
    public GeoPoint CustomerLocation { get; }

    /// <summary>The carriers' quotes.</summary>
    public IReadOnlyList<RateQuote> Quotes { get; }

    /// <summary>Carriers that gave no quote, reported with the result as <see cref="ExclusionReason.CarrierUnavailable"/>.</summary>
    public IReadOnlyList<CarrierOmission> Omissions { get; init; } = [];

    /// <summary>
    /// Drop-off points carriers listed live for this request (<see cref="CarrierAdapter.ListDropOffPointsAsync"/>),
    /// searched together with the catalog's.
    /// </summary>
    public IReadOnlyList<DropOffPoint> LiveLocations { get; init; } = [];

    /// <summary>The customer's time zone, for "open now" and dates; UTC when not set.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>The instant the options are for; the engine's clock when not set.</summary>
    public DateTimeOffset? At { get; init; }
}
