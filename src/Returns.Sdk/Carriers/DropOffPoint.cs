using Returns.Sdk.Locations;

namespace Returns.Sdk.Carriers;

/// <summary>What kind of place takes a return parcel.</summary>
public enum DropOffKind
{
    /// <summary>A post office counter.</summary>
    PostOffice,

    /// <summary>A parcel locker.</summary>
    ParcelLocker,

    /// <summary>A staffed pickup point in a shop.</summary>
    PickupPoint,

    /// <summary>One of the retailer's stores.</summary>
    Store,

    /// <summary>A mailbox.</summary>
    Mailbox,
}

/// <summary>Which kind of place each return method needs.</summary>
public static class ReturnMethodPlaces
{
    /// <summary>The kind of place where the customer hands a parcel over by a method.</summary>
    /// <param name="method">The method.</param>
    /// <returns>The kind, or <see langword="null"/> for a home pickup, which needs no place.</returns>
    public static DropOffKind? PlaceKind(this ReturnMethod method) => method switch
    {
        ReturnMethod.InStore => DropOffKind.Store,
        ReturnMethod.PostOffice => DropOffKind.PostOffice,
        ReturnMethod.PickupPoint => DropOffKind.PickupPoint,
        ReturnMethod.ParcelLocker => DropOffKind.ParcelLocker,
        ReturnMethod.Mailbox => DropOffKind.Mailbox,
        _ => null,
    };
}

/// <summary>Asks for drop-off points near a location.</summary>
/// <param name="Near">Where the customer is.</param>
/// <param name="RadiusKm">How far to look, great-circle kilometres; above zero.</param>
/// <param name="Limit">How many points at most; above zero.</param>
public sealed record DropOffPointQuery(GeoPoint Near, double RadiusKm, int Limit)
{
    /// <summary>Only points of this kind, when set.</summary>
    public DropOffKind? Kind { get; init; }

    /// <summary>The country to search in, when the carrier needs it.</summary>
    public CountryCode? Country { get; init; }

    /// <summary>Only points that accept this service, when set.</summary>
    public string? ServiceCode { get; init; }
}

/// <summary>A place where the customer can hand over a return parcel.</summary>
/// <param name="Id">The carrier's id for the point.</param>
/// <param name="Name">The name people see.</param>
/// <param name="Kind">What kind of place it is.</param>
/// <param name="CarrierId">The carrier it belongs to.</param>
/// <param name="Location">Where it is.</param>
public sealed record DropOffPoint(string Id, string Name, DropOffKind Kind, string CarrierId, GeoPoint Location)
{
    /// <summary>Its postal address.</summary>
    public Address? Address { get; init; }

    /// <summary>
    /// When it is open (parsed from the OpenStreetMap <c>opening_hours</c> syntax, e.g. <c>Mo-Fr 09:00-18:00; Sa 09:00-12:00</c>),
    /// or <see langword="null"/> when unknown.
    /// </summary>
    public OpeningHours? OpeningHours { get; init; }

    /// <summary>Great-circle distance from the query location, in kilometres, when known.</summary>
    public double? DistanceKm { get; init; }
}
