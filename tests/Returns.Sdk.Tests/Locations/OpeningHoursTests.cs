using Returns.Sdk.Locations;

namespace Returns.Sdk.Tests.Locations;

public sealed class OpeningHoursTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    // June 2026 in Amsterdam is UTC+2; Monday 15 June.
    private static DateTimeOffset June(int day, int hour, int minute = 0) => new(2026, 6, day, hour, minute, 0, TimeSpan.FromHours(2));

    [Fact]
    public void Parse_WeekdaysSaturdayMorningSundayOff_OpenAsWritten()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off");

        Assert.Equal("Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off", hours.ToString());
        Assert.False(hours.IsOpen(June(15, 8, 59), Amsterdam));
        Assert.True(hours.IsOpen(June(15, 9), Amsterdam));
        Assert.True(hours.IsOpen(June(19, 17, 59), Amsterdam));
        Assert.False(hours.IsOpen(June(19, 18), Amsterdam));
        Assert.True(hours.IsOpen(June(20, 11, 59), Amsterdam));
        Assert.False(hours.IsOpen(June(20, 12), Amsterdam));
        Assert.False(hours.IsOpen(June(21, 10), Amsterdam));
        Assert.False(hours.IsAlwaysOpen);
    }

    [Fact]
    public void Parse_TwentyFourSeven_IsAlwaysOpen()
    {
        var hours = OpeningHours.Parse("24/7");

        Assert.True(hours.IsAlwaysOpen);
        Assert.Equal(OpeningHours.AlwaysOpen, hours);
        Assert.Equal("24/7", hours.ToString());
        Assert.True(hours.IsOpen(June(21, 3), Amsterdam));
        Assert.Equal(June(21, 3), hours.NextOpening(June(21, 3), Amsterdam));
        Assert.Null(hours.NextClosing(June(21, 3), Amsterdam));
    }

    [Fact]
    public void Parse_EveryDayFromMidnightToMidnight_EqualsTwentyFourSeven()
    {
        var hours = OpeningHours.Parse("Mo-Su 00:00-24:00");

        Assert.True(hours.IsAlwaysOpen);
        Assert.Equal(OpeningHours.AlwaysOpen, hours);
        Assert.Equal("Mo-Su 00:00-24:00", hours.ToString());
    }

    [Fact]
    public void IsOpen_WrappingWeekdayRange_CoversTheWeekend()
    {
        var hours = OpeningHours.Parse("Fr-Mo 10:00-16:00");

        bool[] expected = [true, false, false, false, true, true, true];
        for (var day = 0; day < 7; day++)
        {
            Assert.Equal(expected[day], hours.IsOpen(June(15 + day, 12), Amsterdam));
        }
    }

    [Fact]
    public void IsOpen_WeekdayList_OpensOnListedDaysOnly()
    {
        var hours = OpeningHours.Parse("Mo,We,Fr-Sa 10:00-12:00");

        bool[] expected = [true, false, true, false, true, true, false];
        for (var day = 0; day < 7; day++)
        {
            Assert.Equal(expected[day], hours.IsOpen(June(15 + day, 11), Amsterdam));
        }
    }

    [Fact]
    public void IsOpen_OvernightSpan_SpillsIntoTheNextDay()
    {
        var hours = OpeningHours.Parse("Fr 22:00-02:00");

        Assert.False(hours.IsOpen(June(19, 21, 59), Amsterdam));
        Assert.True(hours.IsOpen(June(19, 22), Amsterdam));
        Assert.True(hours.IsOpen(June(20, 1, 59), Amsterdam));
        Assert.False(hours.IsOpen(June(20, 2), Amsterdam));
        Assert.False(hours.IsOpen(June(20, 22, 30), Amsterdam));
        Assert.Equal(June(20, 2), hours.NextClosing(June(19, 23), Amsterdam));
    }

    [Fact]
    public void IsOpen_SundayOvernightSpan_SpillsIntoMondayAcrossTheWeekBoundary()
    {
        var hours = OpeningHours.Parse("Su 22:00-03:00");

        Assert.True(hours.IsOpen(June(21, 23), Amsterdam));
        Assert.True(hours.IsOpen(June(22, 2, 59), Amsterdam));
        Assert.False(hours.IsOpen(June(22, 3), Amsterdam));
        Assert.Equal(June(22, 3), hours.NextClosing(June(21, 22), Amsterdam));
        Assert.Equal(June(28, 22), hours.NextOpening(June(22, 3), Amsterdam));
    }

    [Fact]
    public void IsOpen_EndAtTwentyFour_OpenUntilMidnight()
    {
        var hours = OpeningHours.Parse("Mo 18:00-24:00");

        Assert.True(hours.IsOpen(June(15, 23, 59), Amsterdam));
        Assert.False(hours.IsOpen(June(16, 0), Amsterdam));
        Assert.Equal(June(16, 0), hours.NextClosing(June(15, 20), Amsterdam));
    }

    [Fact]
    public void NextClosing_WholeDaysInARow_ClosesAfterTheLastDay()
    {
        var hours = OpeningHours.Parse("Mo-We 00:00-24:00");

        Assert.Equal(June(18, 0), hours.NextClosing(June(15, 10), Amsterdam));
    }

    [Fact]
    public void NextClosing_OpenOverTheWeekBoundary_FollowsIntoMonday()
    {
        var hours = OpeningHours.Parse("Sa-Su 00:00-24:00; Mo 00:00-06:00");

        Assert.Equal(June(22, 6), hours.NextClosing(June(20, 10), Amsterdam));
    }

    [Fact]
    public void Parse_LaterRule_ReplacesEarlierRulesForItsDays()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00; We 10:00-12:00");

        Assert.False(hours.IsOpen(June(17, 9, 30), Amsterdam));
        Assert.True(hours.IsOpen(June(17, 11), Amsterdam));
        Assert.False(hours.IsOpen(June(17, 13), Amsterdam));
        Assert.True(hours.IsOpen(June(18, 9, 30), Amsterdam));
    }

    [Fact]
    public void Parse_SameDaysTwice_LaterTimesReplaceEarlierOnes()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-12:00; Mo-Fr 13:00-18:00");

        Assert.False(hours.IsOpen(June(15, 10), Amsterdam));
        Assert.True(hours.IsOpen(June(15, 14), Amsterdam));
        Assert.Equal(OpeningHours.Parse("Mo-Fr 13:00-18:00"), hours);
    }

    [Fact]
    public void Parse_AlwaysOpenThenSundayOff_ClosedOnSundayOnly()
    {
        var hours = OpeningHours.Parse("24/7; Su off");

        Assert.False(hours.IsAlwaysOpen);
        Assert.True(hours.IsOpen(June(20, 23, 59), Amsterdam));
        Assert.False(hours.IsOpen(June(21, 12), Amsterdam));
        Assert.Equal(June(22, 0), hours.NextOpening(June(21, 12), Amsterdam));
    }

    [Fact]
    public void Parse_RuleWithoutWeekdays_AppliesToEveryDay()
    {
        var hours = OpeningHours.Parse("10:00-12:00,14:00-16:00; Su off");

        Assert.True(hours.IsOpen(June(16, 11), Amsterdam));
        Assert.False(hours.IsOpen(June(16, 13), Amsterdam));
        Assert.True(hours.IsOpen(June(20, 15), Amsterdam));
        Assert.False(hours.IsOpen(June(21, 11), Amsterdam));
    }

    [Fact]
    public void Parse_OffWithoutWeekdays_ReplacesEverything()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00; off");

        Assert.Null(hours.NextOpening(June(15, 10), Amsterdam));
        Assert.Equal(June(15, 10), hours.NextClosing(June(15, 10), Amsterdam));
    }

    [Theory]
    [InlineData("Mo-Fr 09:00-18:00; PH off", "Mo-Fr 09:00-18:00")]
    [InlineData("Mo-Sa 09:00-18:00; Su,PH off", "Mo-Sa 09:00-18:00")]
    [InlineData("PH 10:00-12:00; Mo-Fr 09:00-18:00", "Mo-Fr 09:00-18:00")]
    [InlineData("Mo-Fr,PH 09:00-18:00", "Mo-Fr 09:00-18:00")]
    public void Parse_PublicHolidayRules_AreIgnored(string text, string equivalent)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal(OpeningHours.Parse(equivalent), hours);
        Assert.Contains("PH", hours.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mo-fr 9:00-18:00;sa 09:00 - 12:00 ; SU closed", "Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off")]
    [InlineData("  Mo , We-Th  08:30-12:00 , 13:00-17:00 ;  ", "Mo,We-Th 08:30-12:00,13:00-17:00")]
    [InlineData("Fr 22:00-02:00; Sa 18:00-00:00", "Fr 22:00-02:00; Sa 18:00-00:00")]
    [InlineData("su,ph off", "Su,PH off")]
    public void ToString_AnyWriting_IsNormalised(string text, string normalised)
    {
        var hours = OpeningHours.Parse(text);

        Assert.Equal(normalised, hours.ToString());
        Assert.Equal(hours, OpeningHours.Parse(hours.ToString()));
    }

    [Fact]
    public void Equals_SameWeekWrittenDifferently_EqualWithSameHash()
    {
        var a = OpeningHours.Parse("Mo,Tu,We,Th,Fr 09:00-12:00,12:00-18:00");
        var b = OpeningHours.Parse("Mo-Fr 09:00-18:00");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(b, OpeningHours.Parse("Mo-Sa 09:00-18:00"));
        Assert.False(b.Equals(null));
    }

    [Fact]
    public void Equals_MidnightEndWrittenAsZeroOrTwentyFour_Equal()
    {
        Assert.Equal(OpeningHours.Parse("Sa 18:00-24:00"), OpeningHours.Parse("Sa 18:00-00:00"));
    }

    [Theory]
    [InlineData("", 1, "empty")]
    [InlineData("   ", 4, "empty")]
    [InlineData("Jan-Mar 10:00-12:00", 1, "month and date ranges")]
    [InlineData("Mo-Fr 09:00-12:00; Dec 24 off", 20, "month and date ranges")]
    [InlineData("2026 Mo 10:00-12:00", 1, "years and dates")]
    [InlineData("week 01-10 Mo 09:00-10:00", 1, "week numbers")]
    [InlineData("Mo-Fr sunrise-sunset", 7, "relative to the sun")]
    [InlineData("Mo-Fr 09:00-dusk", 13, "relative to the sun")]
    [InlineData("Mo 09:00-12:00 \"by appointment\"", 16, "comments")]
    [InlineData("SH off", 1, "school holidays")]
    [InlineData("easter off", 1, "easter")]
    [InlineData("Mo[1] 09:00-12:00", 3, "nth weekday")]
    [InlineData("Mo-Fr 09:00+", 12, "open-ended")]
    [InlineData("Mo-Fr 10:00-16:00/01:30", 18, "repeating")]
    [InlineData("Mo-Fr 09:00-12:00 || Sa 10:00-12:00", 19, "fallback")]
    [InlineData("Mo 09:00-12:00, Tu 10:00-12:00", 17, "additional rules")]
    [InlineData("Mo-Fr 09:00-18:00 open", 19, "modifier")]
    [InlineData("Monday 09:00-12:00", 1, "two letters")]
    [InlineData("Xy 10:00-12:00", 1, "unknown word 'Xy'")]
    [InlineData("Mo-Fr", 6, "needs times")]
    [InlineData("Mo-Fr 09:00", 12, "needs an end")]
    [InlineData("Mo-Fr 09:00-25:00", 13, "times go up to 24:00")]
    [InlineData("Mo-Fr 09:60-12:00", 7, "minutes go up to 59")]
    [InlineData("Mo-Fr 24:00-02:00", 7, "24:00 can only end")]
    [InlineData("Mo-Fr 0900-1200", 7, "HH:MM")]
    [InlineData("Mo-Fr 09:00:00-12:00", 7, "seconds")]
    [InlineData("Mo-Fr 09:00-09:00", 7, "same time")]
    [InlineData("Mo-Fr 24/7", 7, "24/7 is a rule of its own")]
    [InlineData("Mo-Fr 09:00-18:00 Sa", 19, "days must come before")]
    [InlineData("Mo- 09:00-18:00", 5, "expected a weekday")]
    [InlineData("Mo-Fr 09:00-18:00 Sa 10:00-12:00", 19, "days must come before")]
    [InlineData("Mo-Fr 09:00-18:00 # note", 19, "expected ';' between rules")]
    [InlineData("PH+1 off", 3, "public holidays")]
    public void Parse_UnsupportedSyntax_ThrowsWithPosition(string text, int position, string reason)
    {
        var exception = Assert.Throws<OpeningHoursFormatException>(() => OpeningHours.Parse(text));

        Assert.Equal(position, exception.Position);
        Assert.Contains(reason, exception.Reason, StringComparison.Ordinal);
        Assert.Contains("supported are weekdays", exception.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"at position {position}: ", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<FormatException>(exception);
    }

    [Fact]
    public void TryParse_Invalid_ReturnsTheError()
    {
        Assert.False(OpeningHours.TryParse("Mo-Fr sunrise-sunset", out var hours, out var error));

        Assert.Null(hours);
        Assert.Equal(7, error.Position);
    }

    [Fact]
    public void TryParse_Valid_ReturnsTheHours()
    {
        Assert.True(OpeningHours.TryParse("Sa 10:00-12:00", out var hours, out var error));

        Assert.Null(error);
        Assert.Equal("Sa 10:00-12:00", hours.ToString());
    }

    [Fact]
    public void TryParse_Null_ReturnsAnError()
    {
        Assert.False(OpeningHours.TryParse(null, out _, out var error));

        Assert.Equal(1, error.Position);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OpeningHours.Parse(null!));
    }

    [Fact]
    public void IsOpen_NullTimeZone_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => OpeningHours.AlwaysOpen.IsOpen(June(15, 9), null!));
        Assert.Throws<ArgumentNullException>(() => OpeningHours.AlwaysOpen.NextOpening(June(15, 9), null!));
    }

    [Fact]
    public void NextOpening_OpenAlready_ReturnsFromUnchanged()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00");
        var from = new DateTimeOffset(2026, 6, 15, 8, 0, 0, TimeSpan.Zero);

        var next = hours.NextOpening(from, Amsterdam);

        Assert.Equal(from, next);
        Assert.Equal(TimeSpan.Zero, next!.Value.Offset);
    }

    [Fact]
    public void NextOpening_Closed_ReturnsTheOpeningWithTheZonesOffset()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off");

        var next = hours.NextOpening(new DateTimeOffset(2026, 6, 20, 10, 30, 0, TimeSpan.Zero), Amsterdam);

        Assert.Equal(June(22, 9), next);
        Assert.Equal(TimeSpan.FromHours(2), next!.Value.Offset);
    }

    [Fact]
    public void NextOpening_NeverOpen_Null()
    {
        Assert.Null(OpeningHours.Parse("Mo off").NextOpening(June(15, 9), Amsterdam));
        Assert.Null(OpeningHours.Parse("PH 10:00-12:00").NextOpening(June(15, 9), Amsterdam));
    }

    [Fact]
    public void NextClosing_Closed_ReturnsFrom()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00");

        Assert.Equal(June(20, 10), hours.NextClosing(June(20, 10), Amsterdam));
    }

    [Fact]
    public void NextOpening_AfterLastOpeningOfTheWeek_WrapsToNextWeek()
    {
        var hours = OpeningHours.Parse("Mo 09:00-12:00");

        Assert.Equal(June(22, 9), hours.NextOpening(June(15, 13), Amsterdam));
        Assert.Equal(June(22, 9), hours.NextOpening(June(21, 23, 59), Amsterdam));
    }

    [Fact]
    public void IsOpen_SameInstantInAnotherZone_ReadsThatZonesClock()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-18:00");
        var instant = new DateTimeOffset(2026, 6, 15, 7, 30, 0, TimeSpan.Zero);

        Assert.True(hours.IsOpen(instant, Amsterdam));
        Assert.False(hours.IsOpen(instant, TimeZoneInfo.Utc));
        Assert.False(hours.IsOpen(instant, TimeZoneInfo.FindSystemTimeZoneById("America/New_York")));
    }

    [Fact]
    public void IsOpen_AfterWarmUp_DoesNotAllocate()
    {
        var hours = OpeningHours.Parse("Mo-Fr 09:00-12:00,13:00-18:00; Sa 10:00-16:00; Su off");
        var instant = June(17, 12, 30);
        hours.IsOpen(instant, Amsterdam);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var open = 0;
        for (var i = 0; i < 1000; i++)
        {
            open += hours.IsOpen(instant.AddMinutes(i), Amsterdam) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(300, open);
    }
}
