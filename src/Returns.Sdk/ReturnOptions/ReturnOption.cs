using Returns.Sdk.Carriers;
using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;
using Returns.Sdk.ReturnOptions.Internal;

namespace Returns.Sdk.ReturnOptions;

/// <summary>
/// One way the customer can send the return back: how, with which carrier and service, what it costs the retailer and
/// the customer, where the nearest places to hand it over are, what label the customer gets and when it should reach
/// the warehouse.
/// </summary>
public sealed class ReturnOption
{
    private string? _explanation;

    internal ReturnOption(
        ReturnMethod method,
        CarrierService? service,
        string? carrierId,
        Money retailerCost,
        MethodFee customerFee,
        IReadOnlyList<ReturnLocation> locations,
        LabelModes labelModes,
        DateOnly handoverDate,
        int transitDays,
        DateOnly expectedArrival)
    {
        Method = method;
        Service = service;
        CarrierId = carrierId;
        RetailerCost = retailerCost;
        FeeDetail = customerFee;
        Locations = locations;
        LabelModes = labelModes;
        PreferredLabelMode = LabelChoice.Preferred(method, labelModes);
        HandoverDate = handoverDate;
        TransitDays = transitDays;
        ExpectedArrival = expectedArrival;
    }

    /// <summary>The position in the ranking, 1 for the best.</summary>
    public int Rank { get; internal set; }

    /// <summary>
    /// Names this option among the others of a quote, the same in every quote with the same method, carrier and service:
    /// <c>in_store</c>, or <c>method:carrier:service</c> such as <c>post_office:postnl:return-parcel</c>. A customer's
    /// choice is sent back by key and matched against options computed again, never trusted as a price.
    /// </summary>
    public string Key => field ??= Method == ReturnMethod.InStore || CarrierId is null
        ? Method.ToName()
        : $"{Method.ToName()}:{CarrierId}:{ServiceCode}";

    /// <summary>How the customer hands the parcel over.</summary>
    public ReturnMethod Method { get; }

    /// <summary>The carrier, or <see langword="null"/> for a return in store.</summary>
    public string? CarrierId { get; }

    /// <summary>The carrier's service, or <see langword="null"/> for a return in store.</summary>
    public CarrierService? Service { get; }

    /// <summary>The carrier's service code, or <see langword="null"/> for a return in store.</summary>
    public string? ServiceCode => Service?.Code;

    /// <summary>What the return costs the retailer: the carrier's price, or the store handling cost.</summary>
    public Money RetailerCost { get; }

    /// <summary>What the customer pays, return fee and restocking fees included, as the policy prescribes.</summary>
    public Money CustomerFee => FeeDetail.Total;

    /// <summary>How the customer fee is made up (fee, restocking, waived, capped).</summary>
    public MethodFee FeeDetail { get; }

    /// <summary>The nearest places to hand the parcel over, nearest first; empty for a home pickup.</summary>
    public IReadOnlyList<ReturnLocation> Locations { get; }

    /// <summary>The nearest place, or <see langword="null"/> for a home pickup.</summary>
    public ReturnLocation? NearestLocation => Locations.Count > 0 ? Locations[0] : null;

    /// <summary>How far the customer travels: the nearest place's distance, 0 for a home pickup.</summary>
    public double DistanceKm => Locations.Count > 0 ? Locations[0].DistanceKm : 0d;

    /// <summary>Every way the customer can get a label for this option; <see cref="LabelModes.None"/> in store.</summary>
    public LabelModes LabelModes { get; }

    /// <summary>
    /// The label the customer is offered first: a QR code where a counter or locker scans it, a printed label for
    /// mailboxes and pickups, a mailed label when that is all there is; <see cref="LabelModes.None"/> in store.
    /// </summary>
    public LabelModes PreferredLabelMode { get; }

    /// <summary>The day the parcel is expected to be handed over (in the customer's time zone).</summary>
    public DateOnly HandoverDate { get; }

    /// <summary>Working days from hand-over to the warehouse (Monday to Friday).</summary>
    public int TransitDays { get; }

    /// <summary>The day the return is expected at the warehouse.</summary>
    public DateOnly ExpectedArrival { get; }

    /// <summary>Why the option looks as it does, in plain English: costs, the nearest place and the expected arrival.</summary>
    public string Explanation => _explanation ??= OptionExplanation.Describe(this);

    /// <inheritdoc />
    public override string ToString() => $"#{Rank} {Method} {CarrierId ?? "store"} {ServiceCode} {RetailerCost}";
}
