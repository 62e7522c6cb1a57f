using System.Text;

namespace Returns.Sdk.Locations.Internal;

/// <summary>One weekday or a range of them (Monday = 0), or the public-holiday selector <c>PH</c>.</summary>
internal readonly record struct WeekdaySelector(int From, int To, bool IsPublicHoliday)
{
    internal static readonly string[] Names = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    internal static WeekdaySelector PublicHoliday { get; } = new(0, 0, IsPublicHoliday: true);

    /// <summary>The weekdays named, one bit per day from Monday; a range like <c>Fr-Mo</c> wraps over the weekend.</summary>
    internal int DayMask
    {
        get
        {
            if (IsPublicHoliday)
            {
                return 0;
            }

            var mask = 0;
            for (var day = From; ; day = (day + 1) % 7)
            {
                mask |= 1 << day;
                if (day == To)
                {
                    return mask;
                }
            }
        }
    }

    internal void AppendTo(StringBuilder text)
    {
        if (IsPublicHoliday)
        {
            text.Append("PH");
            return;
        }

        text.Append(Names[From]);
        if (To != From)
        {
            text.Append('-').Append(Names[To]);
        }
    }
}

/// <summary>A span of the day in minutes; an end at or before the start runs past midnight into the next day.</summary>
internal readonly record struct TimeRange(int StartMinute, int EndMinute)
{
    /// <summary>The end counted from the start's midnight: up to 48 hours for a span past midnight.</summary>
    internal int EndFromStartDay => EndMinute > StartMinute ? EndMinute : EndMinute + OpeningHoursRule.MinutesPerDay;

    internal void AppendTo(StringBuilder text)
    {
        AppendTime(text, StartMinute);
        text.Append('-');
        AppendTime(text, EndMinute);
    }

    private static void AppendTime(StringBuilder text, int minute) =>
        text.Append((char)('0' + (minute / 600))).Append((char)('0' + (minute / 60 % 10))).Append(':')
            .Append((char)('0' + (minute % 60 / 10))).Append((char)('0' + (minute % 10)));
}

/// <summary>
/// One rule of an <c>opening_hours</c> value: which days it names (none: every day) and their times (none: off), or
/// <c>24/7</c>.
/// </summary>
internal sealed class OpeningHoursRule
{
    internal const int MinutesPerDay = 24 * 60;

    internal OpeningHoursRule(WeekdaySelector[] days, TimeRange[] times, bool isAlwaysOpen)
    {
        Days = days;
        Times = times;
        IsAlwaysOpen = isAlwaysOpen;
    }

    /// <summary>The day selectors as written; empty when the rule names no days and so applies to every day.</summary>
    internal WeekdaySelector[] Days { get; }

    /// <summary>The opening times; empty for <c>off</c>.</summary>
    internal TimeRange[] Times { get; }

    /// <summary>True for <c>24/7</c>.</summary>
    internal bool IsAlwaysOpen { get; }

    /// <summary>
    /// The weekdays this rule replaces, one bit per day from Monday: every day without a selector, none for a rule
    /// that names only <c>PH</c> (there is no holiday calendar, so it never applies).
    /// </summary>
    internal int DayMask
    {
        get
        {
            if (Days.Length == 0)
            {
                return 0b111_1111;
            }

            var mask = 0;
            foreach (var day in Days)
            {
                mask |= day.DayMask;
            }

            return mask;
        }
    }

    internal void AppendTo(StringBuilder text)
    {
        if (IsAlwaysOpen)
        {
            text.Append("24/7");
            return;
        }

        for (var i = 0; i < Days.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Days[i].AppendTo(text);
        }

        if (Days.Length > 0)
        {
            text.Append(' ');
        }

        if (Times.Length == 0)
        {
            text.Append("off");
            return;
        }

        for (var i = 0; i < Times.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            Times[i].AppendTo(text);
        }
    }
}
