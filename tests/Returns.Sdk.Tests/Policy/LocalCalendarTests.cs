using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk.Policy.Internal;

namespace Returns.Sdk.Tests.Policy;

public sealed class LocalCalendarTests
{
    [Fact]
    public void StartOfDay_ZoneSkippingMidnight_StartsAtFirstValidLocalTime()
    {
        // Havana moves its clocks from 00:00 to 01:00 on the second Sunday of March.
        var calendar = new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Havana"));

        var start = calendar.StartOfDay(new DateOnly(2026, 3, 8));

        Assert.Equal(new DateTimeOffset(2026, 3, 8, 1, 0, 0, TimeSpan.FromHours(-4)), start);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 0, 0, 0, TimeSpan.FromHours(-5)), calendar.StartOfDay(new DateOnly(2026, 3, 7)));
    }

    [Fact]
    public void StartOfDay_ZoneFallingBackOverMidnight_StartsAtFirstMidnight()
    {
        // Havana moves its clocks from 01:00 back to 00:00 on the first Sunday of November: midnight happens twice.
        var calendar = new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Havana"));

        var start = calendar.StartOfDay(new DateOnly(2026, 11, 1));

        Assert.Equal(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(-4)), start);
        Assert.Equal(new DateOnly(2026, 11, 1), calendar.LocalDate(start.AddMinutes(30)));
    }

    [Theory]
    [InlineData("Europe/Amsterdam", "2026-03-29", "2026-03-29T00:00:00+01:00")]
    [InlineData("Europe/Amsterdam", "2026-03-30", "2026-03-30T00:00:00+02:00")]
    [InlineData("Europe/Amsterdam", "2026-10-25", "2026-10-25T00:00:00+02:00")]
    [InlineData("Australia/Sydney", "2026-10-04", "2026-10-04T00:00:00+10:00")]
    [InlineData("Pacific/Kiritimati", "2026-01-01", "2026-01-01T00:00:00+14:00")]
    [InlineData("UTC", "2026-06-01", "2026-06-01T00:00:00+00:00")]
    public void StartOfDay_AcrossDaylightSavingChanges_IsLocalMidnight(string zone, string date, string expected)
    {
        var calendar = new LocalCalendar(zone == "UTC" ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(zone));

        var start = calendar.StartOfDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.Parse(expected[^6..].TrimStart('+'), System.Globalization.CultureInfo.InvariantCulture), start.Offset);
    }

    [Fact]
    public void LocalDate_InstantNearMidnight_UsesZoneNotUtc()
    {
        var calendar = new LocalCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));

        Assert.Equal(new DateOnly(2026, 3, 5), calendar.LocalDate(new DateTimeOffset(2026, 3, 4, 23, 30, 0, TimeSpan.Zero)));
        // 30 days after 4 March is 3 April; the window ends when that local day ends, in summer time.
        Assert.Equal(new DateTimeOffset(2026, 4, 4, 0, 0, 0, TimeSpan.FromHours(2)), calendar.EndOfWindow(new DateOnly(2026, 3, 4), 30));
    }

    private static readonly string[] Zones = ["Europe/Amsterdam", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "America/Havana", "Pacific/Chatham", "Europe/London"];

    // The tabulated fast path must agree with TimeZoneInfo itself, also on and around clock changes.
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property LocalDateAndStartOfDay_AgreeWithTimeZoneInfo() =>
        Prop.ForAll(
            Gen.Elements(Zones).ToArbitrary(),
            Gen.Choose(0, 60 * 366 * 24 * 4).ToArbitrary(),
            (zoneId, quarterHours) =>
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                var calendar = new LocalCalendar(zone);
                var instant = new DateTimeOffset(2005, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(quarterHours * 15d + 7);
                var expectedDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
                var start = calendar.StartOfDay(expectedDate);
                return calendar.LocalDate(instant) == expectedDate
                    && start <= instant
                    && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start, zone).DateTime) == expectedDate
                    && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(start.AddTicks(-1), zone).DateTime) < expectedDate;
            });
}
