using System.Text.Json.Serialization;

namespace Returns.Carriers.Ups.Internal;

// The UPS wire format as UPS's published OpenAPI documents it (UPS-API/api-documentation: Shipping.yaml v2409,
// Rating.yaml v2409, Locator.yaml v3, Tracking.yaml v1, OAuthClientCredentials.yaml). Never exposed: the adapter maps
// these to the SDK model. Property names are UPS's own (PascalCase in Shipping, Rating and Locator, camelCase in
// Tracking, snake_case in OAuth); values UPS documents as strings stay strings, and containers UPS may send as an
// object or an array are read as lists.

// ---- Shared ----
internal sealed record UpsCode(string Code)
{
    public string? Description { get; init; }
}

internal sealed record UpsTransactionReference(string CustomerContext);

internal sealed record UpsRequestInfo
{
    public string? RequestOption { get; init; }

    public string? SubVersion { get; init; }

    public UpsTransactionReference? TransactionReference { get; init; }
}

internal sealed record UpsAddress(string CountryCode)
{
    public IReadOnlyList<string>? AddressLine { get; init; }

    public string? City { get; init; }

    public string? PostalCode { get; init; }
}

internal sealed record UpsParty(string Name, UpsAddress Address)
{
    public string? AttentionName { get; init; }

    public string? ShipperNumber { get; init; }

    public UpsPhone? Phone { get; init; }
}

internal sealed record UpsPhone(string Number);

internal sealed record UpsBillShipper(string AccountNumber);

internal sealed record UpsShipmentCharge(string Type, UpsBillShipper BillShipper);

internal sealed record UpsDimensions(UpsCode UnitOfMeasurement, string Length, string Width, string Height);

internal sealed record UpsWeight(UpsCode UnitOfMeasurement, [property: JsonConverter(typeof(FlexibleStringConverter))] string Weight);

internal sealed record UpsReferenceNumber(string Value)
{
    public string? Code { get; init; }
}

internal sealed record UpsPackage(UpsWeight PackageWeight)
{
    public string? Description { get; init; }

    // The Shipping API calls the packaging "Packaging", the Rating API "PackagingType".
    public UpsCode? Packaging { get; init; }

    public UpsCode? PackagingType { get; init; }

    public UpsDimensions? Dimensions { get; init; }

    public IReadOnlyList<UpsReferenceNumber>? ReferenceNumber { get; init; }
}

internal sealed record UpsMoney(string CurrencyCode, [property: JsonConverter(typeof(FlexibleStringConverter))] string MonetaryValue);

internal sealed record UpsNegotiatedCharges
{
    public UpsMoney? TotalCharge { get; init; }
}

internal sealed record UpsRatingOptions
{
    // A presence indicator: any value asks for the account's negotiated rates where it has them.
    public string? NegotiatedRatesIndicator { get; init; }
}

internal sealed record UpsError
{
    public string? Code { get; init; }

    public string? Message { get; init; }
}

internal sealed record UpsErrors
{
    public IReadOnlyList<UpsError>? Errors { get; init; }
}

internal sealed record UpsErrorBody
{
    public UpsErrors? Response { get; init; }
}

// ---- OAuth ----
internal sealed record UpsToken
{
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    [JsonPropertyName("expires_in")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ExpiresIn { get; init; }

    [JsonPropertyName("issued_at")]
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? IssuedAt { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }
}

// ---- Shipping ----
internal sealed record UpsLabelStockSize(string Height, string Width);

internal sealed record UpsLabelSpecification(UpsCode LabelImageFormat)
{
    public UpsLabelStockSize? LabelStockSize { get; init; }

    public string? HTTPUserAgent { get; init; }
}

internal sealed record UpsPaymentInformation(UpsShipmentCharge ShipmentCharge);

internal sealed record UpsShipment(UpsParty Shipper, UpsParty ShipTo, UpsParty ShipFrom, UpsCode Service, UpsPackage Package)
{
    public string? Description { get; init; }

    public UpsCode? ReturnService { get; init; }

    public UpsPaymentInformation? PaymentInformation { get; init; }

    public IReadOnlyList<UpsReferenceNumber>? ReferenceNumber { get; init; }

    public UpsRatingOptions? ShipmentRatingOptions { get; init; }
}

internal sealed record UpsShipmentRequest(UpsRequestInfo Request, UpsShipment Shipment)
{
    public UpsLabelSpecification? LabelSpecification { get; init; }
}

internal sealed record UpsShipRequestBody(UpsShipmentRequest ShipmentRequest);

internal sealed record UpsShippingLabel
{
    public UpsCode? ImageFormat { get; init; }

    public string? GraphicImage { get; init; }
}

internal sealed record UpsPackageResult
{
    public string? TrackingNumber { get; init; }

    public UpsShippingLabel? ShippingLabel { get; init; }
}

internal sealed record UpsShipmentCharges
{
    public UpsMoney? TotalCharges { get; init; }
}

internal sealed record UpsShipmentResults
{
    public UpsShipmentCharges? ShipmentCharges { get; init; }

    public UpsNegotiatedCharges? NegotiatedRateCharges { get; init; }

    public string? ShipmentIdentificationNumber { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsPackageResult>))]
    public IReadOnlyList<UpsPackageResult>? PackageResults { get; init; }
}

internal sealed record UpsShipmentResponse
{
    public UpsShipmentResults? ShipmentResults { get; init; }
}

internal sealed record UpsShipResponseBody
{
    public UpsShipmentResponse? ShipmentResponse { get; init; }
}

// ---- Label Recovery ----
internal sealed record UpsReferenceValue(string Value);

internal sealed record UpsReferenceValues(UpsReferenceValue ReferenceNumber, string ShipperNumber);

internal sealed record UpsLabelRecoveryRequest(UpsRequestInfo Request, UpsLabelSpecification LabelSpecification, UpsReferenceValues ReferenceValues);

internal sealed record UpsLabelRecoveryRequestBody(UpsLabelRecoveryRequest LabelRecoveryRequest);

internal sealed record UpsLabelImage
{
    public UpsCode? LabelImageFormat { get; init; }

    public string? GraphicImage { get; init; }
}

internal sealed record UpsLabelResult
{
    public string? TrackingNumber { get; init; }

    public UpsLabelImage? LabelImage { get; init; }
}

internal sealed record UpsLabelRecoveryResponse
{
    public string? ShipmentIdentificationNumber { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsLabelResult>))]
    public IReadOnlyList<UpsLabelResult>? LabelResults { get; init; }
}

internal sealed record UpsLabelRecoveryResponseBody
{
    public UpsLabelRecoveryResponse? LabelRecoveryResponse { get; init; }
}

// ---- Rating ----
internal sealed record UpsPaymentDetails(IReadOnlyList<UpsShipmentCharge> ShipmentCharge);

internal sealed record UpsRateServiceOptions(UpsCode ReturnService);

internal sealed record UpsRateShipment(UpsParty Shipper, UpsParty ShipTo, UpsParty ShipFrom, UpsPackage Package)
{
    public UpsPaymentDetails? PaymentDetails { get; init; }

    public UpsCode? Service { get; init; }

    public string? NumOfPieces { get; init; }

    public UpsRateServiceOptions? ShipmentServiceOptions { get; init; }

    public UpsRatingOptions? ShipmentRatingOptions { get; init; }
}

internal sealed record UpsRateRequest(UpsRequestInfo Request, UpsRateShipment Shipment);

internal sealed record UpsRateRequestBody(UpsRateRequest RateRequest);

internal sealed record UpsGuaranteedDelivery
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? BusinessDaysInTransit { get; init; }
}

internal sealed record UpsRatedShipment
{
    public UpsCode? Service { get; init; }

    public UpsMoney? TotalCharges { get; init; }

    public UpsNegotiatedCharges? NegotiatedRateCharges { get; init; }

    public UpsGuaranteedDelivery? GuaranteedDelivery { get; init; }

    public UpsWeight? BillingWeight { get; init; }
}

internal sealed record UpsRateResponse
{
    [JsonConverter(typeof(SingleOrArrayConverter<UpsRatedShipment>))]
    public IReadOnlyList<UpsRatedShipment>? RatedShipment { get; init; }
}

internal sealed record UpsRateResponseBody
{
    public UpsRateResponse? RateResponse { get; init; }
}

// ---- Locator ----
internal sealed record UpsLocatorRequestInfo(string RequestAction)
{
    public UpsTransactionReference? TransactionReference { get; init; }
}

internal sealed record UpsGeocode(string Latitude, string Longitude);

internal sealed record UpsOriginKeyFormat(string CountryCode);

internal sealed record UpsOriginAddress(UpsGeocode Geocode)
{
    public UpsOriginKeyFormat? AddressKeyFormat { get; init; }
}

internal sealed record UpsTranslate(string Locale);

internal sealed record UpsAccessPointSearch(string AccessPointStatus);

internal sealed record UpsLocationSearchCriteria(string MaximumListSize, string SearchRadius)
{
    public UpsAccessPointSearch? AccessPointSearch { get; init; }
}

internal sealed record UpsLocatorRequest(UpsLocatorRequestInfo Request, UpsOriginAddress OriginAddress, UpsTranslate Translate)
{
    public UpsCode? UnitOfMeasurement { get; init; }

    public UpsLocationSearchCriteria? LocationSearchCriteria { get; init; }
}

internal sealed record UpsLocatorRequestBody(UpsLocatorRequest LocatorRequest);

internal sealed record UpsDayOfWeek
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Day { get; init; }

    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? OpenHours { get; init; }

    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? CloseHours { get; init; }

    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? ClosedIndicator { get; init; }

    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Open24HoursIndicator { get; init; }
}

internal sealed record UpsStandardHours
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? HoursType { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsDayOfWeek>))]
    public IReadOnlyList<UpsDayOfWeek>? DayOfWeek { get; init; }
}

internal sealed record UpsOperatingHours
{
    [JsonConverter(typeof(SingleOrArrayConverter<UpsStandardHours>))]
    public IReadOnlyList<UpsStandardHours>? StandardHours { get; init; }
}

internal sealed record UpsLocationGeocode
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Latitude { get; init; }

    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? Longitude { get; init; }
}

internal sealed record UpsLocationAddress
{
    public string? ConsigneeName { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<string>))]
    public IReadOnlyList<string>? AddressLine { get; init; }

    public string? PoliticalDivision2 { get; init; }

    public string? PostcodePrimaryLow { get; init; }

    public string? CountryCode { get; init; }
}

internal sealed record UpsOptionCode
{
    public string? Code { get; init; }

    public string? Description { get; init; }
}

internal sealed record UpsLocationAttribute
{
    public UpsCode? OptionType { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsOptionCode>))]
    public IReadOnlyList<UpsOptionCode>? OptionCode { get; init; }
}

internal sealed record UpsAccessPointInformation
{
    public string? PublicAccessPointID { get; init; }
}

internal sealed record UpsDropLocation
{
    [JsonConverter(typeof(FlexibleStringConverter))]
    public string? LocationID { get; init; }

    public UpsLocationGeocode? Geocode { get; init; }

    public UpsLocationAddress? AddressKeyFormat { get; init; }

    public UpsOperatingHours? OperatingHours { get; init; }

    public UpsAccessPointInformation? AccessPointInformation { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsLocationAttribute>))]
    public IReadOnlyList<UpsLocationAttribute>? LocationAttribute { get; init; }
}

internal sealed record UpsSearchResults
{
    [JsonConverter(typeof(SingleOrArrayConverter<UpsDropLocation>))]
    public IReadOnlyList<UpsDropLocation>? DropLocation { get; init; }
}

internal sealed record UpsLocatorResponse
{
    public UpsSearchResults? SearchResults { get; init; }
}

internal sealed record UpsLocatorResponseBody
{
    public UpsLocatorResponse? LocatorResponse { get; init; }
}

// ---- Tracking (camelCase on the wire; read case-insensitively) ----
internal sealed record UpsTrackStatus
{
    public string? Type { get; init; }

    public string? Code { get; init; }

    public string? Description { get; init; }

    public string? StatusCode { get; init; }
}

internal sealed record UpsTrackAddress
{
    public string? City { get; init; }

    public string? CountryCode { get; init; }
}

internal sealed record UpsTrackLocation
{
    public UpsTrackAddress? Address { get; init; }
}

internal sealed record UpsActivity
{
    public string? Date { get; init; }

    public string? Time { get; init; }

    public string? GmtDate { get; init; }

    public string? GmtTime { get; init; }

    public string? GmtOffset { get; init; }

    public UpsTrackLocation? Location { get; init; }

    public UpsTrackStatus? Status { get; init; }
}

internal sealed record UpsDeliveryDate
{
    public string? Type { get; init; }

    public string? Date { get; init; }
}

internal sealed record UpsTrackPackage
{
    public string? TrackingNumber { get; init; }

    public UpsTrackStatus? CurrentStatus { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsActivity>))]
    public IReadOnlyList<UpsActivity>? Activity { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsDeliveryDate>))]
    public IReadOnlyList<UpsDeliveryDate>? DeliveryDate { get; init; }
}

internal sealed record UpsTrackShipment
{
    public string? InquiryNumber { get; init; }

    [JsonConverter(typeof(SingleOrArrayConverter<UpsTrackPackage>))]
    public IReadOnlyList<UpsTrackPackage>? Package { get; init; }
}

internal sealed record UpsTrackResponse
{
    [JsonConverter(typeof(SingleOrArrayConverter<UpsTrackShipment>))]
    public IReadOnlyList<UpsTrackShipment>? Shipment { get; init; }
}

internal sealed record UpsTrackResponseBody
{
    public UpsTrackResponse? TrackResponse { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(UpsToken))]
[JsonSerializable(typeof(UpsErrorBody))]
[JsonSerializable(typeof(UpsShipRequestBody))]
[JsonSerializable(typeof(UpsShipResponseBody))]
[JsonSerializable(typeof(UpsPackageResult))]
[JsonSerializable(typeof(UpsLabelRecoveryRequestBody))]
[JsonSerializable(typeof(UpsLabelRecoveryResponseBody))]
[JsonSerializable(typeof(UpsLabelResult))]
[JsonSerializable(typeof(UpsRateRequestBody))]
[JsonSerializable(typeof(UpsRateResponseBody))]
[JsonSerializable(typeof(UpsRatedShipment))]
[JsonSerializable(typeof(UpsLocatorRequestBody))]
[JsonSerializable(typeof(UpsLocatorResponseBody))]
[JsonSerializable(typeof(UpsDropLocation))]
[JsonSerializable(typeof(UpsLocationAttribute))]
[JsonSerializable(typeof(UpsOptionCode))]
[JsonSerializable(typeof(UpsStandardHours))]
[JsonSerializable(typeof(UpsDayOfWeek))]
[JsonSerializable(typeof(UpsTrackResponseBody))]
[JsonSerializable(typeof(UpsTrackShipment))]
[JsonSerializable(typeof(UpsTrackPackage))]
[JsonSerializable(typeof(UpsActivity))]
[JsonSerializable(typeof(UpsDeliveryDate))]
[JsonSerializable(typeof(string))]
internal sealed partial class UpsJsonContext : JsonSerializerContext;
