namespace Returns.Sdk.Policy.Internal;

// Return windows are counted in whole local days of the retailer's time zone: "30 days from delivery" ends when
// the 30th local day after the delivery day ends, wherever the server runs.
internal static class LocalCalendar
{
    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ReferenceEquals(zone, TimeZoneInfo.Utc) ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    // The first instant after the window: local midnight at the start of (basis date + days + 1).
    public static DateTimeOffset EndOfWindow(DateTimeOffset basis, int days, TimeZoneInfo zone) =>
        StartOfDay(LocalDate(basis, zone).AddDays(days + 1), zone);

    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (ReferenceEquals(zone, TimeZoneInfo.Utc))
        {
            return new DateTimeOffset(midnight, TimeSpan.Zero);
        }

        // Where clocks jump forward at midnight the day starts at the first valid local time.
        while (zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight));
    }
}
