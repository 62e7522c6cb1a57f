using System.Text.Json.Serialization;

namespace Returns.Carriers.DhlParcelDe.Internal;

// DHL's wire formats, field by field as documented (Parcel DE Returns API v1.0.9 OpenAPI, Location Finder - Unified
// v1, Shipment Tracking - Unified v1). Never exposed: the adapter maps them to the SDK model.

// ---- Parcel DE Returns: POST /parcel/de/shipping/returns/v1/orders ----
internal sealed record DhlReturnOrder(string ReceiverId, DhlContactAddress Shipper)
{
    public string? CustomerReference { get; init; }

    public string? ShipmentReference { get; init; }

    public DhlWeight? ItemWeight { get; init; }

    public DhlValue? ItemValue { get; init; }

    public DhlCustomsDetails? CustomsDetails { get; init; }
}

// The CN23 declaration of DHL Retoure International: 1 to 20 items.
internal sealed record DhlCustomsDetails(IReadOnlyList<DhlCommodity> Items);

internal sealed record DhlCommodity(string ItemDescription, int PackagedQuantity, DhlWeight ItemWeight, DhlValue ItemValue)
{
    // ISO 3166-1 alpha-3, upper case.
    public string? CountryOfOrigin { get; init; }

    public string? HsCode { get; init; }
}

internal sealed record DhlContactAddress(string Name1, string AddressStreet, string AddressHouse, string PostalCode, string City)
{
    public string? Name2 { get; init; }

    public string? Name3 { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }
}

internal sealed record DhlWeight(string Uom, decimal Value);

internal sealed record DhlValue(string Currency, decimal Value);

internal sealed record DhlDocument
{
    public string? B64 { get; init; }

    public string? Zpl2 { get; init; }
}

internal sealed record DhlReturnOrderConfirmation
{
    public string? ShipmentNo { get; init; }

    public string? InternationalShipmentNo { get; init; }

    public DhlDocument? Label { get; init; }

    public DhlDocument? QrLabel { get; init; }

    public string? QrLink { get; init; }

    public string? RoutingCode { get; init; }

    public DhlProblem? Sstatus { get; init; }
}

// RFC 7807 problem details, as every DHL API here documents its errors; the API gateway answers a bad key with an
// Apigee "fault" instead, which is read for its error code only.
internal sealed record DhlProblem
{
    public string? Type { get; init; }

    public string? Title { get; init; }

    public int? Status { get; init; }

    public string? Detail { get; init; }

    public DhlFault? Fault { get; init; }
}

internal sealed record DhlFault
{
    public DhlFaultDetail? Detail { get; init; }
}

internal sealed record DhlFaultDetail
{
    [JsonPropertyName("errorcode")]
    public string? ErrorCode { get; init; }
}

// ---- Location Finder - Unified: GET /location-finder/v1/find-by-geo ----
internal sealed record DhlLocationsResponse
{
    public IReadOnlyList<DhlLocationEntry> Locations { get; init; } = [];
}

internal sealed record DhlLocationEntry
{
    public string? Url { get; init; }

    public DhlLocationMeta? Location { get; init; }

    public string? Name { get; init; }

    public double? Distance { get; init; }

    public DhlPlace? Place { get; init; }

    public IReadOnlyList<DhlOpeningHoursSpecification> OpeningHours { get; init; } = [];

    public IReadOnlyList<string> ServiceTypes { get; init; } = [];
}

internal sealed record DhlLocationMeta
{
    public IReadOnlyList<DhlLocationId> Ids { get; init; } = [];

    public string? Keyword { get; init; }

    public string? KeywordId { get; init; }

    public string? Type { get; init; }
}

// DHL's reference documentation spells the id "locationId"; older material and some answers say "locatorId".
internal sealed record DhlLocationId
{
    public string? LocationId { get; init; }

    public string? LocatorId { get; init; }

    public string? Provider { get; init; }
}

internal sealed record DhlPlace
{
    public DhlPlaceAddress? Address { get; init; }

    public DhlGeo? Geo { get; init; }
}

internal sealed record DhlPlaceAddress
{
    public string? CountryCode { get; init; }

    public string? PostalCode { get; init; }

    public string? AddressLocality { get; init; }

    public string? StreetAddress { get; init; }
}

internal sealed record DhlGeo(double Latitude, double Longitude);

internal sealed record DhlOpeningHoursSpecification
{
    public string? Opens { get; init; }

    public string? Closes { get; init; }

    public string? DayOfWeek { get; init; }
}

// ---- Shipment Tracking - Unified: GET /track/shipments?trackingNumber= ----
internal sealed record DhlTrackingResponse
{
    public IReadOnlyList<DhlTrackedShipment> Shipments { get; init; } = [];
}

internal sealed record DhlTrackedShipment
{
    public string? Id { get; init; }

    public DhlTrackingStatus? Status { get; init; }

    public string? EstimatedTimeOfDelivery { get; init; }

    public IReadOnlyList<DhlTrackingStatus> Events { get; init; } = [];
}

internal sealed record DhlTrackingStatus
{
    public string? Timestamp { get; init; }

    public DhlTrackingLocation? Location { get; init; }

    public string? StatusCode { get; init; }

    public string? Status { get; init; }

    public string? Description { get; init; }
}

internal sealed record DhlTrackingLocation
{
    public DhlPlaceAddress? Address { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(DhlReturnOrder))]
[JsonSerializable(typeof(DhlReturnOrderConfirmation))]
[JsonSerializable(typeof(DhlProblem))]
[JsonSerializable(typeof(DhlLocationsResponse))]
[JsonSerializable(typeof(DhlTrackingResponse))]
internal sealed partial class DhlJsonContext : JsonSerializerContext;
