using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

// Amsterdam, 2026: clocks go from 02:00 CET to 03:00 CEST on Sunday 29 March (01:00 UTC), and from 03:00 CEST back
// to 02:00 CET on Sunday 25 October (01:00 UTC). Hours are read off the wall clock.
public sealed class OpeningHoursDaylightSavingTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly TimeSpan Winter = TimeSpan.FromHours(1);
    private static readonly TimeSpan Summer = TimeSpan.FromHours(2);

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public void NextOpening_OpeningInsideTheSkippedHour_OpensWhenTheClockJumps()
    {
        var hours = OpeningHours.Parse("Su 02:30-05:00");

        var next = hours.NextOpening(new DateTimeOffset(2026, 3, 29, 0, 0, 0, Winter), Amsterdam);

        Assert.Equal(Utc(3, 29, 1), next);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, Summer), next);
        Assert.Equal(Summer, next!.Value.Offset);
        Assert.False(hours.IsOpen(Utc(3, 29, 1).AddTicks(-1), Amsterdam));
        Assert.True(hours.IsOpen(Utc(3, 29, 1), Amsterdam));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 5, 0, 0, Summer), hours.NextClosing(next.Value, Amsterdam));
    }

    [Fact]
    public void NextOpening_HoursWhollyInsideTheSkippedHour_DoNotHappenThatDay()
    {
        var hours = OpeningHours.Parse("Su 02:10-02:40");

        var next = hours.NextOpening(new DateTimeOffset(2026, 3, 29, 0, 0, 0, Winter), Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 4, 5, 2, 10, 0, Summer), next);
    }

    [Fact]
    public void NextClosing_ClosingInsideTheSkippedHour_ClosesWhenTheClockJumps()
    {
        var hours = OpeningHours.Parse("Su 01:00-02:30");

        var closing = hours.NextClosing(new DateTimeOffset(2026, 3, 29, 1, 30, 0, Winter), Amsterdam);

        Assert.Equal(Utc(3, 29, 1), closing);
        Assert.Equal(Summer, closing!.Value.Offset);
    }

    [Fact]
    public void NextOpening_OpeningAtTheEndOfTheSkippedHour_IsTheJump()
    {
        var hours = OpeningHours.Parse("Su 03:00-05:00");

        Assert.Equal(Utc(3, 29, 1), hours.NextOpening(new DateTimeOffset(2026, 3, 28, 23, 0, 0, Winter), Amsterdam));
    }

    [Fact]
    public void NextClosing_ClosingInsideTheRepeatedHour_ClosesAtTheFirstPassAndReopensOnTheSecond()
    {
        var hours = OpeningHours.Parse("Su 01:00-02:30");
        var opened = new DateTimeOffset(2026, 10, 25, 1, 30, 0, Summer);

        var firstClosing = hours.NextClosing(opened, Amsterdam);
        var reopening = hours.NextOpening(firstClosing!.Value, Amsterdam);
        var secondClosing = hours.NextClosing(reopening!.Value, Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, Summer), firstClosing);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 0, 0, Winter), reopening);
        Assert.Equal(Utc(10, 25, 1), reopening);
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 2, 30, 0, Winter), secondClosing);
        Assert.True(hours.IsOpen(Utc(10, 25, 1, 15), Amsterdam));
        Assert.False(hours.IsOpen(Utc(10, 25, 0, 45), Amsterdam));
    }

    [Fact]
    public void NextClosing_OpenThroughTheRepeatedHour_StaysOpenAnHourLonger()
    {
        var hours = OpeningHours.Parse("Sa 22:00-04:00");
        var opening = new DateTimeOffset(2026, 10, 24, 22, 0, 0, Summer);

        var closing = hours.NextClosing(opening, Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 4, 0, 0, Winter), closing);
        Assert.Equal(TimeSpan.FromHours(7), closing!.Value - opening);
    }

    [Fact]
    public void NextOpening_DailyHoursOverTheSpringChange_OpenAtLocalNine()
    {
        var hours = OpeningHours.Parse("09:00-17:00");

        var sunday = hours.NextOpening(new DateTimeOffset(2026, 3, 28, 18, 0, 0, Winter), Amsterdam);
        var closing = hours.NextClosing(sunday!.Value, Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 9, 0, 0, Summer), sunday);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 17, 0, 0, Summer), closing);
    }

    [Fact]
    public void NextOpening_DailyHoursOverTheAutumnChange_OpenAtLocalNine()
    {
        var hours = OpeningHours.Parse("09:00-17:00");

        var next = hours.NextOpening(new DateTimeOffset(2026, 10, 24, 18, 0, 0, Summer), Amsterdam);

        Assert.Equal(new DateTimeOffset(2026, 10, 25, 9, 0, 0, Winter), next);
        Assert.Equal(Utc(10, 25, 8), next);
    }

    [Fact]
    public void NextOpening_SearchStartsInTheSkippedHour_FindsTheWallClockOpening()
    {
        var hours = OpeningHours.Parse("Mo 08:00-09:00");

        Assert.Equal(new DateTimeOffset(2026, 3, 30, 8, 0, 0, Summer), hours.NextOpening(Utc(3, 29, 0, 59), Amsterdam));
    }

    [Fact]
    public void IsOpen_TwentyFourSevenOverTheChanges_AlwaysOpen()
    {
        var hours = OpeningHours.Parse("Mo-Su 00:00-24:00");

        for (var minute = -120; minute <= 120; minute++)
        {
            Assert.True(hours.IsOpen(Utc(3, 29, 1).AddMinutes(minute), Amsterdam));
            Assert.True(hours.IsOpen(Utc(10, 25, 1).AddMinutes(minute), Amsterdam));
        }
    }

    [Fact]
    public void NextOpening_ZoneWithHalfHourChange_OpensWhenTheClockJumps()
    {
        // Lord Howe Island moves from +10:30 to +11:00 at 02:00 local on the first Sunday of October (4 Oct 2026).
        var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");
        var hours = OpeningHours.Parse("Su 02:15-03:00");

        var next = hours.NextOpening(new DateTimeOffset(2026, 10, 4, 0, 0, 0, TimeSpan.FromHours(10.5)), lordHowe);

        Assert.Equal(new DateTimeOffset(2026, 10, 4, 2, 30, 0, TimeSpan.FromHours(11)), next);
    }
}
