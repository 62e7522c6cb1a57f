using System.Text.Json;
using System.Text.Json.Serialization;

namespace Returns.Carriers.Sendcloud.Internal;

// The Sendcloud wire format as its public OpenAPI documents it (API v3: returns, parcel documents, parcel tracking,
// shipping options; service point API v2). Never exposed: the adapter maps these to the SDK model. Numbers are read from
// JSON numbers or strings, because Sendcloud writes prices, weights and coordinates as strings in some answers.

// Returns: POST /returns/announce-synchronously
internal sealed record ScAddress
{
    public string? Name { get; init; }

    public string? CompanyName { get; init; }

    [JsonPropertyName("address_line_1")]
    public string? AddressLine1 { get; init; }

    [JsonPropertyName("address_line_2")]
    public string? AddressLine2 { get; init; }

    public string? HouseNumber { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public string? CountryCode { get; init; }

    public string? Email { get; init; }

    public string? PhoneNumber { get; init; }
}

internal sealed record ScShipWith(string Type, string ShippingOptionCode)
{
    public int? Contract { get; init; }
}

internal sealed record ScDimensions(decimal Length, decimal Width, decimal Height, string Unit);

internal sealed record ScWeight(decimal Value, string Unit);

internal sealed record ScCreateReturnRequest(ScAddress FromAddress, ScAddress ToAddress, ScShipWith ShipWith, ScWeight Weight, string DeliveryOption, string ExternalReference)
{
    public ScDimensions? Dimensions { get; init; }

    public string? OrderNumber { get; init; }

    public bool SendTrackingEmails { get; init; }

    public int? BrandId { get; init; }

    // What is in the parcel; required with hs_code and origin_country on every item when the return crosses a customs
    // border (Sendcloud: "required outside the EU"), together with customs_invoice_nr.
    public IReadOnlyList<ScParcelItem>? ParcelItems { get; init; }

    public string? CustomsInvoiceNr { get; init; }
}

// parcel-item-returns-create. "value" is the deprecated spelling of "price"; both are sent, so that the item value
// reaches Sendcloud whichever it reads.
internal sealed record ScParcelItem(string Description, int Quantity)
{
    public ScWeight? Weight { get; init; }

    public ScPrice? Price { get; init; }

    public ScPrice? Value { get; init; }

    public string? HsCode { get; init; }

    // ISO 3166-1 alpha-2.
    public string? OriginCountry { get; init; }

    public string? Sku { get; init; }
}

internal sealed record ScCreatedReturn(long ReturnId, long ParcelId)
{
    public IReadOnlyList<long>? MultiColloIds { get; init; }
}

// Returns: GET /returns/{id}
internal sealed record ScPrice(decimal Value, string? Currency);

internal sealed record ScReturn
{
    public string? TrackingNumber { get; init; }

    public ScPrice? LabelCost { get; init; }

    public string? Status { get; init; }

    public bool? IsCancellable { get; init; }

    public IReadOnlyList<ScError>? Errors { get; init; }
}

// Shipping options: POST /shipping-options (dimensions and weights are strings in the request)
internal sealed record ScQuoteDimensions(string Length, string Width, string Height, string Unit);

internal sealed record ScQuoteWeight(string Value, string Unit);

internal sealed record ScQuoteParcel(ScQuoteWeight Weight)
{
    public ScQuoteDimensions? Dimensions { get; init; }
}

internal sealed record ScFunctionalityFilter(bool Returns);

internal sealed record ScShippingOptionsRequest(string FromCountryCode, string ToCountryCode, IReadOnlyList<ScQuoteParcel> Parcels, ScFunctionalityFilter Functionalities)
{
    public string? FromPostalCode { get; init; }

    public string? ToPostalCode { get; init; }

    public string? ShippingOptionCode { get; init; }

    public int? ContractId { get; init; }

    public bool CalculateQuotes { get; init; } = true;
}

internal sealed record ScOptionFunctionalities
{
    public string? FirstMile { get; init; }

    public bool? Labelless { get; init; }

    public bool? Returns { get; init; }
}

internal sealed record ScMoney(decimal Value, string Currency);

internal sealed record ScQuotePrice
{
    public ScMoney? Total { get; init; }
}

internal sealed record ScQuote
{
    public ScQuotePrice? Price { get; init; }

    public decimal? LeadTime { get; init; }
}

internal sealed record ScBilledWeight(decimal Value, string Unit);

internal sealed record ScCarrierRef(string? Code);

internal sealed record ScShippingOption(string Code)
{
    public string? Name { get; init; }

    public ScCarrierRef? Carrier { get; init; }

    public ScOptionFunctionalities? Functionalities { get; init; }

    public IReadOnlyList<ScBilledWeight>? ParcelBilledWeights { get; init; }

    public IReadOnlyList<ScQuote>? Quotes { get; init; }
}

internal sealed record ScShippingOptionsResponse
{
    public IReadOnlyList<ScShippingOption>? Data { get; init; }
}

// Parcel tracking: GET /parcels/tracking/{tracking_number}
internal sealed record ScTrackingEvent
{
    public DateTimeOffset EventAt { get; init; }

    public string? EventType { get; init; }

    public string? StatusCode { get; init; }

    public string? StatusDescription { get; init; }

    public string? SubStatusCode { get; init; }
}

internal sealed record ScTrackingDetails
{
    public DateOnly? ExpectedDeliveryDate { get; init; }

    public bool? IsReturn { get; init; }
}

internal sealed record ScTracking
{
    public ScTrackingDetails? Details { get; init; }

    public IReadOnlyList<ScTrackingEvent>? Events { get; init; }
}

// Service points (API v2): GET /service-points answers a bare array; latitude and longitude are strings.
internal sealed record ScServicePoint
{
    public long Id { get; init; }

    public string? Name { get; init; }

    public bool? IsActive { get; init; }

    public string? GeneralShopType { get; init; }

    public string? ShopType { get; init; }

    public string? Street { get; init; }

    public string? HouseNumber { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    public string? Carrier { get; init; }

    public string? Country { get; init; }

    public Dictionary<string, IReadOnlyList<string>?>? FormattedOpeningTimes { get; init; }

    public double? Distance { get; init; }
}

// Errors: JSON:API {"errors":[...]}, the returns endpoints' {"error":{...}}, and tracking's {"detail": ...}.
internal sealed record ScErrorSource
{
    public string? Pointer { get; init; }

    public string? Parameter { get; init; }

    public string? Header { get; init; }
}

internal sealed record ScError
{
    public int? Status { get; init; }

    public string? Code { get; init; }

    public string? Title { get; init; }

    public string? Detail { get; init; }

    public ScErrorSource? Source { get; init; }
}

internal sealed record ScLegacyError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

internal sealed record ScErrorBody
{
    public IReadOnlyList<ScError>? Errors { get; init; }

    public ScLegacyError? Error { get; init; }

    public JsonElement? Detail { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(ScCreateReturnRequest))]
[JsonSerializable(typeof(ScCreatedReturn))]
[JsonSerializable(typeof(ScReturn))]
[JsonSerializable(typeof(ScShippingOptionsRequest))]
[JsonSerializable(typeof(ScShippingOptionsResponse))]
[JsonSerializable(typeof(ScTracking))]
[JsonSerializable(typeof(IReadOnlyList<ScServicePoint>))]
[JsonSerializable(typeof(ScErrorBody))]
internal sealed partial class SendcloudJsonContext : JsonSerializerContext;
