using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.Ups.Internal;

// Pure translations between UPS's documented values and the SDK's model.
internal static class UpsMapping
{
    private const int MaxTransIdLength = 32;
    private static readonly string[] OsmDays = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"]; // UPS: 1 = Sunday ... 7 = Saturday.

    // UPS's transId is at most 32 characters and reference values at most 35: a short, plain key is used as it is,
    // anything else as the first 32 hex digits of its SHA-256, so the same key always gives the same token.
    public static string RequestToken(string idempotencyKey)
    {
        if (idempotencyKey.Length <= MaxTransIdLength && idempotencyKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return idempotencyKey;
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..MaxTransIdLength];
    }

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    // Locator geocodes are documented as strings of exactly 15 characters.
    public static string Coordinate(double degrees)
    {
        var text = degrees.ToString("0.000000000000000", CultureInfo.InvariantCulture);
        return text.Length >= 15 ? text[..15].TrimEnd('.') : text.PadRight(15, '0');
    }

    public static double? ParseDouble(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value : null;

    public static decimal? ParseDecimal(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    // Reads UPS's StandardHours (HoursType 10 = regular hours, else 50 = drop-off hours, else the first given) into the
    // opening_hours text the SDK parses. A day with several DayOfWeek entries has several spans; days not listed are
    // closed. Hours that cannot be expressed stay unknown (null) rather than failing the search.
    public static OpeningHours? ToOpeningHours(UpsOperatingHours? hours)
    {
        var sets = hours?.StandardHours?.Where(s => s.DayOfWeek is { Count: > 0 }).ToList();
        if (sets is null || sets.Count == 0)
        {
            return null;
        }

        var chosen = sets.FirstOrDefault(s => s.HoursType == "10") ?? sets.FirstOrDefault(s => s.HoursType == "50") ?? sets[0];
        var rules = new List<string>();
        foreach (var day in chosen.DayOfWeek!.GroupBy(d => d.Day).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!int.TryParse(day.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 7)
            {
                return null;
            }

            var name = OsmDays[number - 1];
            if (day.Any(d => d.Open24HoursIndicator is not null))
            {
                rules.Add(name + " 00:00-24:00");
                continue;
            }

            if (day.All(d => d.ClosedIndicator is not null))
            {
                rules.Add(name + " off");
                continue;
            }

            var spans = new List<string>();
            foreach (var entry in day.Where(d => d.ClosedIndicator is null))
            {
                if (Clock(entry.OpenHours, closing: false) is not { } open || Clock(entry.CloseHours, closing: true) is not { } close)
                {
                    return null;
                }

                spans.Add(open == "00:00" && close == "00:00" ? "00:00-24:00" : open + "-" + close);
            }

            rules.Add(name + " " + string.Join(',', spans));
        }

        return OpeningHours.TryParse(string.Join("; ", rules), out var parsed, out _) ? parsed : null;
    }

    // UPS writes times in military format without leading zeros (930, 1700) and midnight as 0.
    private static string? Clock(string? text, bool closing)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 0 or > 2400 || value % 100 > 59)
        {
            return null;
        }

        if (closing && value is 0 or 2400)
        {
            return "24:00";
        }

        return value == 2400 ? null : string.Create(CultureInfo.InvariantCulture, $"{value / 100:00}:{value % 100:00}");
    }

    // UPS status types: M manifest (label created), MV manifest voided, P pickup, I in transit, O out for delivery,
    // D delivered, X exception, RS returned to shipper, DO/DD delivered to the origin/destination freight station,
    // W warehousing, NA not available.
    public static TrackingStatus ToStatus(string? type) => type?.ToUpperInvariant() switch
    {
        "M" => TrackingStatus.LabelCreated,
        "MV" => TrackingStatus.Cancelled,
        "P" => TrackingStatus.HandedOver,
        "I" or "W" or "DO" => TrackingStatus.InTransit,
        "O" => TrackingStatus.OutForDelivery,
        "D" or "DD" => TrackingStatus.Delivered,
        "RS" => TrackingStatus.ReturnedToSender,
        _ => TrackingStatus.Exception,
    };

    // Local date and time with the documented gmtOffset; without an offset the GMT date and time; failing both, the
    // local date and time read as UTC (UPS then gives no way to know the zone).
    public static DateTimeOffset? ToInstant(UpsActivity activity)
    {
        if (Parse(activity.Date, activity.Time) is { } local)
        {
            if (activity.GmtOffset is { } offsetText && TimeSpan.TryParseExact(offsetText.TrimStart('+'), ["hh\\:mm", "\\-hh\\:mm"], CultureInfo.InvariantCulture, out var offset))
            {
                offset = offsetText.StartsWith('-') ? -offset.Duration() : offset;
                return new DateTimeOffset(local, offset);
            }
        }

        if (Parse(activity.GmtDate, activity.GmtTime) is { } utc)
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }

        return Parse(activity.Date, activity.Time) is { } unknownZone ? new DateTimeOffset(unknownZone, TimeSpan.Zero) : null;
    }

    public static DateTimeOffset? ToDate(string? yyyymmdd) =>
        DateTime.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateTimeOffset(date, TimeSpan.Zero)
            : null;

    private static DateTime? Parse(string? date, string? time)
    {
        if (date is null)
        {
            return null;
        }

        // Documented examples write 074700 as well as 74700.
        var clock = (time ?? "000000").PadLeft(6, '0');
        return DateTime.TryParseExact(date + clock, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;
    }

    // UPS error bodies carry a numeric code and free text. The text is never passed on (it may repeat the customer's
    // address), but it is read for the one thing this adapter needs: whether an address field was refused, and which.
    // Only a message naming a party (ShipFrom = the customer, ShipTo = the warehouse, Shipper = the account address)
    // together with an address part counts; anything vaguer stays a plain, permanent carrier error.
    public static (string? Field, bool IsAddress) AddressField(string? message)
    {
        if (string.IsNullOrEmpty(message))
        {
            return (null, false);
        }

        var party = Find(message, ("shipfrom", "from"), ("ship from", "from"), ("shipto", "to"), ("ship to", "to"), ("shipper", "shipper"));
        var part = Find(message, ("postalcode", "postcode"), ("postal code", "postcode"), ("postcode", "postcode"), ("zip", "postcode"), ("city", "city"), ("countrycode", "country"), ("country", "country"), ("addressline", "line1"), ("address line", "line1"), ("stateprovince", "state"), ("state", "state"));
        return party is not null && part is not null ? (party + "." + part, true) : (null, false);
    }

    private static string? Find(string message, params (string Needle, string Name)[] candidates)
    {
        foreach (var (needle, name) in candidates)
        {
            if (message.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return name;
            }
        }

        return null;
    }
}
