using System.Text.Json.Serialization;

namespace Carrier.Adapter.Sample.Internal;

// The Acme Parcel wire format, exactly as its API documents it (see README.md). Never exposed: the adapter maps these
// to the SDK model, so a change in Acme's API stays inside this folder.
internal sealed record AcmeAddress(string Country, string Postcode)
{
    public string? City { get; init; }

    public string? Line1 { get; init; }
}

internal sealed record AcmeParcelDto(int WeightGrams, decimal? LengthCm, decimal? WidthCm, decimal? HeightCm);

internal sealed record AcmeMoney(decimal Amount, string Currency);

internal sealed record AcmeRatesRequest(AcmeAddress From, AcmeAddress To, AcmeParcelDto Parcel)
{
    public string? Service { get; init; }

    public string? DropOff { get; init; }
}

internal sealed record AcmeRate(string Service, string DropOff, AcmeMoney Price, int? TransitDays);

internal sealed record AcmeRatesResponse(IReadOnlyList<AcmeRate> Rates);

internal sealed record AcmeCreateReturnRequest(string Reference, string Service, string DropOff, string Label, AcmeAddress From, AcmeAddress To, AcmeParcelDto Parcel)
{
    public IReadOnlyList<string> OrderNumbers { get; init; } = [];
}

internal sealed record AcmeLabel(string Format, string ContentType, string Data);

internal sealed record AcmeReturn(string Id, string TrackingNumber)
{
    public AcmeLabel? Label { get; init; }

    public string? QrPayload { get; init; }

    public AcmeMoney? Price { get; init; }
}

internal sealed record AcmeLocation(string Id, string Name, string Type, double Lat, double Lon)
{
    public double? DistanceKm { get; init; }

    public string? OpeningHours { get; init; }
}

internal sealed record AcmeLocationsResponse(IReadOnlyList<AcmeLocation> Locations);

internal sealed record AcmeTrackingEvent(DateTimeOffset At, string Status, string Description)
{
    public string? Location { get; init; }
}

internal sealed record AcmeTracking(string TrackingNumber, string Status, IReadOnlyList<AcmeTrackingEvent> Events)
{
    public DateTimeOffset? EstimatedDelivery { get; init; }
}

internal sealed record AcmeErrorDetail(string? Code, string? Message, string? Field);

internal sealed record AcmeErrorBody(AcmeErrorDetail? Error);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AcmeRatesRequest))]
[JsonSerializable(typeof(AcmeRatesResponse))]
[JsonSerializable(typeof(AcmeCreateReturnRequest))]
[JsonSerializable(typeof(AcmeReturn))]
[JsonSerializable(typeof(AcmeLocationsResponse))]
[JsonSerializable(typeof(AcmeTracking))]
[JsonSerializable(typeof(AcmeErrorBody))]
internal sealed partial class AcmeJsonContext : JsonSerializerContext;
