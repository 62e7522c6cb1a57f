using System.Globalization;
using Returns.Sdk;
using Returns.Sdk.Locations;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>How tables spell distances, addresses, amounts and opening states, the same in every command.</summary>
internal static class Format
{
    /// <summary>A distance in km with one decimal, or metres below 1 km.</summary>
    /// <param name="km">The distance in kilometres.</param>
    /// <returns>For example <c>1.4 km</c> or <c>350 m</c>.</returns>
    public static string Distance(double km) => km < 1
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Round(km * 1000):0} m")
        : string.Create(CultureInfo.InvariantCulture, $"{km:0.0} km");

    /// <summary>An address on one line: street, postcode and city.</summary>
    /// <param name="address">The address, when known.</param>
    /// <returns>For example <c>Damrak 12, 1012 AB Amsterdam</c>, or <c>-</c>.</returns>
    public static string Address(Address? address)
    {
        if (address is null)
        {
            return "-";
        }

        var place = string.Join(' ', new[] { address.Postcode, address.City }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return string.Join(", ", new[] { address.Line1, place }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }

    /// <summary>An amount with its currency code.</summary>
    /// <param name="money">The amount.</param>
    /// <returns>For example <c>5.45 EUR</c>.</returns>
    public static string Amount(Money money) => money.ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Whether a place is open, as markup: green "open", red "closed, opens Mon 09:00", or grey "unknown".</summary>
    /// <param name="hours">The place's hours, when known.</param>
    /// <param name="now">The instant to judge at.</param>
    /// <param name="timeZone">The time zone the hours are read in.</param>
    /// <returns>Markup.</returns>
    public static string OpenNow(OpeningHours? hours, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        if (hours is null)
        {
            return "[grey]unknown[/]";
        }

        if (hours.IsOpen(now, timeZone))
        {
            return "[green]open[/]";
        }

        return hours.NextOpening(now, timeZone) is { } opens
            ? $"[red]closed[/], opens {Markup.Escape(Opening(opens, timeZone))}"
            : "[red]never open[/]";
    }

    /// <summary>When a closed place opens, as a table and the open-now column spell it.</summary>
    /// <param name="opens">The instant it opens.</param>
    /// <param name="timeZone">The time zone to show it in.</param>
    /// <returns>For example <c>Mon 09:00</c>.</returns>
    public static string Opening(DateTimeOffset opens, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTime(opens, timeZone).ToString("ddd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An instant in a time zone, to the minute.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="timeZone">The time zone.</param>
    /// <returns>For example <c>2026-11-20 13:00 +01:00</c>.</returns>
    public static string Instant(DateTimeOffset instant, TimeZoneInfo timeZone) =>
        TimeZoneInfo.ConvertTime(instant, timeZone).ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
}
