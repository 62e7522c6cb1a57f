using Returns.Cli.Commands;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Parcels;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Output;

/// <summary>
/// The JSON shape of <c>returns options --format json</c>: the ranked options best first, the candidates left out with
/// their reasons, the parcel they assume and where the customer was placed. Amounts are numbers in
/// <see cref="Currency"/>; methods, reasons and label modes are snake_case.
/// </summary>
internal sealed record ReturnOptionsJson(
    string Strategy,
    DateTimeOffset At,
    string Currency,
    CustomerJson Customer,
    ParcelJson? Parcel,
    IReadOnlyList<ReturnOptionJson> Options,
    IReadOnlyList<ExcludedOptionJson> Excluded)
{
    /// <summary>Maps a result.</summary>
    /// <param name="result">The option service's answer.</param>
    /// <param name="currency">The currency of the return (the policy evaluation's).</param>
    /// <param name="customer">Where the customer was placed.</param>
    /// <param name="networks">Finds the carrier network of a service.</param>
    /// <param name="timeZone">The customer's time zone, for instants.</param>
    /// <returns>The DTO.</returns>
    public static ReturnOptionsJson From(ReturnOptionResult result, Currency currency, CustomerPlacement customer, CarrierNetworks networks, TimeZoneInfo timeZone) => new(
        result.Strategy,
        TimeZoneInfo.ConvertTime(result.At, timeZone),
        currency.Code,
        CustomerJson.From(customer),
        result.ParcelEstimate is { } estimate ? ParcelJson.From(estimate) : null,
        [.. result.Options.Select(o => ReturnOptionJson.From(o, networks, timeZone))],
        [.. result.Excluded.Select(e => ExcludedOptionJson.From(e, networks))]);
}

/// <summary>Where the customer was placed, and how.</summary>
/// <param name="Country">The customer's country, which decides rates and service areas.</param>
/// <param name="Postcode">The customer's postcode, when known.</param>
/// <param name="Latitude">The latitude searched from.</param>
/// <param name="Longitude">The longitude searched from.</param>
/// <param name="LocatedBy"><c>coordinates</c>, <c>postcode</c> or <c>postcode_prefix</c>.</param>
/// <param name="MatchedPostcode">The postcode (area) of the centroid used, when located by postcode.</param>
internal sealed record CustomerJson(string Country, string Postcode, double Latitude, double Longitude, string LocatedBy, string? MatchedPostcode)
{
    /// <summary>Maps a placement.</summary>
    /// <param name="customer">The placement.</param>
    /// <returns>The DTO.</returns>
    public static CustomerJson From(CustomerPlacement customer) => new(
        customer.Address.Country.Value,
        customer.Address.Postcode,
        customer.Location.Latitude,
        customer.Location.Longitude,
        customer.LocatedBy,
        customer.MatchedPostcode);
}

/// <summary>The parcel the options assume.</summary>
/// <param name="Box">The catalog box, or <see langword="null"/> when none fits.</param>
/// <param name="Fit"><c>boxed</c>, <c>too_heavy</c>, <c>too_large</c> or <c>too_many_units</c>.</param>
/// <param name="WeightKg">Items plus the box's tare.</param>
/// <param name="LengthCm">The parcel's length, when known.</param>
/// <param name="WidthCm">The parcel's width, when known.</param>
/// <param name="HeightCm">The parcel's height, when known.</param>
/// <param name="SkusSizedByDefault">SKUs whose size or weight came from the catalog's defaults.</param>
/// <param name="Explanation">How the parcel was sized, in plain English.</param>
internal sealed record ParcelJson(
    string? Box,
    string Fit,
    decimal WeightKg,
    decimal? LengthCm,
    decimal? WidthCm,
    decimal? HeightCm,
    IReadOnlyList<string> SkusSizedByDefault,
    string Explanation)
{
    /// <summary>Maps an estimate.</summary>
    /// <param name="estimate">The estimate.</param>
    /// <returns>The DTO.</returns>
    public static ParcelJson From(ParcelEstimate estimate) => new(
        estimate.Box?.Id,
        Names.SnakeCase(estimate.Code.ToString()),
        estimate.Parcel.Weight.Kilograms,
        estimate.Parcel.Dimensions?.LengthCm,
        estimate.Parcel.Dimensions?.WidthCm,
        estimate.Parcel.Dimensions?.HeightCm,
        estimate.SkusSizedByDefault,
        estimate.Explanation);
}

/// <summary>One ranked option.</summary>
internal sealed record ReturnOptionJson(
    int Rank,
    string Method,
    string? Carrier,
    string? Service,
    string? ServiceName,
    decimal RetailerCost,
    decimal CustomerFee,
    string Currency,
    string? LocationId,
    string? LocationName,
    double DistanceKm,
    bool? OpenNow,
    DateTimeOffset? NextOpening,
    string? LabelMode,
    DateOnly HandoverDate,
    int TransitDays,
    DateOnly ExpectedArrival,
    string Explanation)
{
    /// <summary>Maps an option.</summary>
    /// <param name="option">The option.</param>
    /// <param name="networks">Finds the carrier network of a service.</param>
    /// <param name="timeZone">The customer's time zone, for the next opening.</param>
    /// <returns>The DTO.</returns>
    public static ReturnOptionJson From(ReturnOption option, CarrierNetworks networks, TimeZoneInfo timeZone)
    {
        var nearest = option.NearestLocation;
        return new ReturnOptionJson(
            option.Rank,
            option.Method.ToName(),
            networks.Of(option.CarrierId, option.ServiceCode),
            option.ServiceCode,
            option.Service?.Name,
            option.RetailerCost.Amount,
            option.CustomerFee.Amount,
            option.RetailerCost.Currency.Code,
            nearest?.Point.Id,
            nearest?.Point.Name,
            Math.Round(option.DistanceKm, 3),
            nearest?.OpenNow,
            nearest?.NextOpening is { } opens ? TimeZoneInfo.ConvertTime(opens, timeZone) : null,
            option.PreferredLabelMode == LabelModes.None ? null : Names.SnakeCase(option.PreferredLabelMode.ToString()),
            option.HandoverDate,
            option.TransitDays,
            option.ExpectedArrival,
            option.Explanation);
    }
}

/// <summary>A candidate that was not offered, and why.</summary>
/// <param name="Method">The method, or <see langword="null"/> for a policy-wide exclusion or an unavailable carrier.</param>
/// <param name="Carrier">The carrier network, when there was one.</param>
/// <param name="Service">The service code, when there was one.</param>
/// <param name="Reason">The reason code in snake_case, e.g. <c>no_location_nearby</c>.</param>
/// <param name="Message">The reason in plain English.</param>
internal sealed record ExcludedOptionJson(string? Method, string? Carrier, string? Service, string Reason, string Message)
{
    /// <summary>Maps an exclusion.</summary>
    /// <param name="excluded">The exclusion.</param>
    /// <param name="networks">Finds the carrier network of a service.</param>
    /// <returns>The DTO.</returns>
    public static ExcludedOptionJson From(ExcludedOption excluded, CarrierNetworks networks) => new(
        excluded.Method?.ToName(),
        networks.Of(excluded.CarrierId, excluded.ServiceCode),
        excluded.ServiceCode,
        Names.SnakeCase(excluded.Reason.ToString()),
        excluded.Message);
}
