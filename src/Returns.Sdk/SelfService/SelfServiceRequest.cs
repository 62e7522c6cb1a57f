
namespace Returns.Sdk.SelfService;

/// <summary>What a customer asks to return from one order, and from where.</summary>
/// <param name="OrderNumber">The order, as the customer's session proved it.</param>
/// <param name="Items">The lines and quantities, each with a reason.</param>
public sealed record SelfServiceRequest(string OrderNumber, IReadOnlyList<SelfServiceItem> Items)
{
    /// <summary>Where the parcel leaves from; the order's shipping address when omitted.</summary>
    public Address? CustomerAddress { get; init; }

    /// <summary>Where the customer is, to find the nearest places; the address's coordinates or its postcode's centroid when omitted.</summary>
    public GeoPoint? CustomerLocation { get; init; }

    /// <summary>What the customer wants back: the original payment (default), store credit or an exchange.</summary>
    public RefundTypes Resolution { get; init; } = RefundTypes.OriginalPayment;

    /// <summary>The time zone dates and "open now" are judged in; the service's configured zone when omitted.</summary>
    public TimeZoneInfo? TimeZone { get; init; }
}
