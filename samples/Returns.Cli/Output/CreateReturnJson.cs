using System.Globalization;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;
using Returns.Sdk.Refunds;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.SelfService;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Output;

/// <summary>
/// The JSON shape of <c>returns create-return --format json</c> (documented in docs/cli.md), also what the table is drawn
/// from. Amounts are numbers in <see cref="Currency"/>; states, methods, label modes and timings are snake_case.
/// </summary>
/// <param name="Repeated">True when this key had created the return before: the stored return is shown and nothing new was recorded.</param>
/// <param name="Rma">The return's number.</param>
/// <param name="State">The return's state, e.g. <c>label_issued</c> or <c>authorized</c>.</param>
/// <param name="OrderNumber">The order returned.</param>
/// <param name="Option">The option the return was created with (its key, method, carrier, place, arrival).</param>
/// <param name="Resolution">How the customer is paid back: <c>original_payment</c> or <c>store_credit</c>.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="Refund">The refund the customer can expect.</param>
/// <param name="LabelMode"><c>printed</c>, <c>qr</c> or <c>mailed</c>; <see langword="null"/> for a return in store.</param>
/// <param name="LabelFile">The label PDF written (full path), when the label is printed.</param>
/// <param name="QrPayload">What the QR code the customer shows encodes: the carrier's payload, or the RMA for a return in store.</param>
/// <param name="NextStep">What the customer does now, in one sentence.</param>
/// <param name="At">The clock's reading when the command ran.</param>
/// <param name="IdempotencyKey">The key of this confirmation (given with <c>--key</c> or derived).</param>
/// <param name="Database">The SQLite file.</param>
internal sealed record CreateReturnJson(
    bool Repeated,
    string Rma,
    string State,
    string OrderNumber,
    QuotedOptionJson Option,
    string Resolution,
    string Currency,
    ExpectedRefundJson Refund,
    string? LabelMode,
    string? LabelFile,
    string? QrPayload,
    string NextStep,
    DateTimeOffset At,
    string IdempotencyKey,
    DatabaseJson Database);

/// <summary>The JSON shape of <c>returns create-return --quote --format json</c>: the ranked options, nothing written.</summary>
/// <param name="OrderNumber">The order.</param>
/// <param name="Resolution">How the customer would be paid back.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="At">The clock's reading when the command ran.</param>
/// <param name="Options">The options, best first; give one's <c>key</c> to <c>--option</c>.</param>
internal sealed record CreateReturnQuoteJson(string OrderNumber, string Resolution, string Currency, DateTimeOffset At, IReadOnlyList<QuotedOptionJson> Options)
{
    /// <summary>Maps a quote.</summary>
    /// <param name="quote">The self-service quote.</param>
    /// <param name="at">The clock's reading.</param>
    /// <param name="networks">Finds the carrier network of a service.</param>
    /// <param name="timeZone">The customer's time zone.</param>
    /// <returns>The DTO.</returns>
    public static CreateReturnQuoteJson From(SelfServiceQuote quote, DateTimeOffset at, CarrierNetworks networks, TimeZoneInfo timeZone) => new(
        quote.Request.OrderNumber,
        quote.Request.Resolution.ToNames()[0],
        quote.Policy.Currency.Code,
        at,
        [.. quote.Options.Select(o => QuotedOptionJson.From(o, quote.RefundTiming, at, networks, timeZone))]);
}

/// <summary>One option as the customer chooses it.</summary>
/// <param name="Rank">1 is the best.</param>
/// <param name="Key">What <c>--option</c> takes, e.g. <c>post_office:tablerate:postnl-parcel</c> or <c>in_store</c>.</param>
/// <param name="Method">The method in snake_case.</param>
/// <param name="Carrier">The carrier network; <see langword="null"/> in store.</param>
/// <param name="Service">The carrier service code; <see langword="null"/> in store.</param>
/// <param name="CustomerCost">What the return costs the customer (the method's fee), deducted from the refund.</param>
/// <param name="ExpectedRefund">What the customer gets back with this option.</param>
/// <param name="RefundTiming">When the refund is paid: <c>at_first_scan</c>, <c>at_receipt</c> or <c>after_inspection</c>.</param>
/// <param name="LabelModes">The label modes offered (<c>printed</c>, <c>qr</c>, <c>mailed</c>); empty in store.</param>
/// <param name="Place">The nearest place to hand it in, when the method has places.</param>
/// <param name="ExpectedArrival">The day the return is expected at the warehouse (or handed in, in store).</param>
internal sealed record QuotedOptionJson(
    int Rank,
    string Key,
    string Method,
    string? Carrier,
    string? Service,
    decimal CustomerCost,
    decimal ExpectedRefund,
    string RefundTiming,
    IReadOnlyList<string> LabelModes,
    PlaceJson? Place,
    DateOnly ExpectedArrival)
{
    /// <summary>Maps a quoted option.</summary>
    /// <param name="quoted">The option and its refund.</param>
    /// <param name="timing">When refunds are paid.</param>
    /// <param name="at">The clock's reading, for today's opening hours.</param>
    /// <param name="networks">Finds the carrier network of a service.</param>
    /// <param name="timeZone">The customer's time zone.</param>
    /// <returns>The DTO.</returns>
    public static QuotedOptionJson From(QuotedOption quoted, RefundTiming timing, DateTimeOffset at, CarrierNetworks networks, TimeZoneInfo timeZone)
    {
        var option = quoted.Option;
        return new QuotedOptionJson(
            option.Rank,
            option.Key,
            option.Method.ToName(),
            networks.Of(option.CarrierId, option.ServiceCode),
            option.ServiceCode,
            option.CustomerFee.Amount,
            quoted.Refund.Total.Amount,
            Names.SnakeCase(timing.ToString()),
            LabelModeNames.All(option.LabelModes),
            option.NearestLocation is { } nearest ? PlaceJson.From(nearest, at, timeZone) : null,
            option.ExpectedArrival);
    }
}

/// <summary>The nearest place to hand the return in.</summary>
/// <param name="Id">The place's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistanceKm">Great-circle distance from the customer, km, 3 decimals.</param>
/// <param name="OpeningToday">Today's hours in the customer's time zone, e.g. <c>09:00-18:00</c>, <c>24h</c>, <c>closed today</c> or <c>unknown</c>.</param>
internal sealed record PlaceJson(string Id, string Name, double DistanceKm, string OpeningToday)
{
    /// <summary>Maps a location.</summary>
    /// <param name="location">The location and its distance.</param>
    /// <param name="at">The clock's reading: its day in <paramref name="timeZone"/> is "today".</param>
    /// <param name="timeZone">The customer's time zone.</param>
    /// <returns>The DTO.</returns>
    public static PlaceJson From(ReturnLocation location, DateTimeOffset at, TimeZoneInfo timeZone) =>
        new(location.Point.Id, location.Point.Name, Math.Round(location.DistanceKm, 3), HoursToday(location.Point.OpeningHours, at, timeZone));

    private static string HoursToday(OpeningHours? hours, DateTimeOffset at, TimeZoneInfo timeZone)
    {
        if (hours is null)
        {
            return "unknown";
        }

        if (hours.IsAlwaysOpen)
        {
            return "24h";
        }

        var local = TimeZoneInfo.ConvertTime(at, timeZone);
        var midnight = new DateTimeOffset(local.Date, timeZone.GetUtcOffset(local.Date));
        var opens = hours.IsOpen(midnight, timeZone) ? midnight : hours.NextOpening(midnight, timeZone);
        if (opens is not { } start || TimeZoneInfo.ConvertTime(start, timeZone).Date != local.Date)
        {
            return "closed today";
        }

        var closes = hours.NextClosing(start, timeZone);
        var end = closes is { } c && TimeZoneInfo.ConvertTime(c, timeZone).Date == local.Date
            ? TimeZoneInfo.ConvertTime(c, timeZone).ToString("HH:mm", CultureInfo.InvariantCulture)
            : "24:00";
        return $"{TimeZoneInfo.ConvertTime(start, timeZone).ToString("HH:mm", CultureInfo.InvariantCulture)}-{end}";
    }
}

/// <summary>The refund the customer can expect.</summary>
/// <param name="Amount">What is paid back, after the method's fee.</param>
/// <param name="Fee">The method's fee deducted.</param>
/// <param name="Timing">When it is paid: <c>at_first_scan</c>, <c>at_receipt</c> or <c>after_inspection</c>.</param>
internal sealed record ExpectedRefundJson(decimal Amount, decimal Fee, string Timing);

/// <summary>The CLI's names of label modes, as <c>--label</c> takes them.</summary>
internal static class LabelModeNames
{
    /// <summary>The name of one mode.</summary>
    /// <param name="mode">A single mode.</param>
    /// <returns><c>printed</c>, <c>qr</c> or <c>mailed</c>; <see langword="null"/> for none.</returns>
    public static string? Of(LabelModes mode) => mode switch
    {
        LabelModes.Printed => "printed",
        LabelModes.PrinterlessQr => "qr",
        LabelModes.Mailed => "mailed",
        _ => null,
    };

    /// <summary>The names of every mode in a set.</summary>
    /// <param name="modes">The set.</param>
    /// <returns>The names, in the order printed, qr, mailed.</returns>
    public static IReadOnlyList<string> All(LabelModes modes) =>
        [.. new[] { LabelModes.Printed, LabelModes.PrinterlessQr, LabelModes.Mailed }.Where(m => (modes & m) != 0).Select(m => Of(m)!)];
}
