using System.Diagnostics.CodeAnalysis;
using System.Text;
using Returns.Sdk.Locations.Internal;

namespace Returns.Sdk.Locations;

/// <summary>
/// When a place is open, from the OpenStreetMap <c>opening_hours</c> syntax that shops and carriers publish, e.g.
/// <c>Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off</c> or <c>24/7</c>. The supported subset and its meaning are in
/// <c>docs/opening-hours.md</c>.
/// </summary>
/// <remarks>
/// <para>
/// The hours are read off the local wall clock of the time zone given to each query: an instant is open when the
/// clock shows a time inside the hours. So when clocks skip forward, hours that start inside the skipped hour begin
/// at the moment the clock jumps, and hours wholly inside it do not happen that day; when clocks go back, the
/// repeated hour is open or closed on both passes as the clock reads.
/// </para>
/// <para>
/// Public-holiday rules (<c>PH off</c>) are accepted and ignored: there is no holiday calendar here, so a place is
/// treated as keeping its weekday hours on holidays.
/// </para>
/// <para>
/// Two values are equal when they are open at the same times of every week, however the rules are written; the
/// value is immutable and safe to share.
/// </para>
/// </remarks>
public sealed class OpeningHours : IEquatable<OpeningHours>
{
    private static readonly long MaxUtcTicks = DateTimeOffset.MaxValue.UtcTicks;

    // Clocks change a few times a year; an answer is at most a week of clock time away, so a handful of changes is
    // all a search can meet.
    private const int MaxClockChanges = 16;

    private readonly WeeklySchedule _schedule;
    private readonly string _text;

    private OpeningHours(string text, WeeklySchedule schedule)
    {
        _text = text;
        _schedule = schedule;
    }

    /// <summary>Open around the clock: <c>24/7</c>.</summary>
    public static OpeningHours AlwaysOpen { get; } = Parse("24/7");

    /// <summary>True when open at every moment of the week.</summary>
    public bool IsAlwaysOpen => _schedule.IsAlwaysOpen;

    /// <summary>Parses opening hours.</summary>
    /// <param name="text">
    /// Rules separated by <c>;</c>, each <c>[weekdays] times|off|closed</c>, or <c>24/7</c>; later rules replace earlier
    /// ones for the days they name.
    /// </param>
    /// <returns>The opening hours.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="OpeningHoursFormatException">
    /// The text is empty or uses syntax outside the supported subset; the exception gives the 1-based position.
    /// </exception>
    public static OpeningHours Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rules = OpeningHoursParser.Parse(text);
        return new OpeningHours(Normalize(rules), WeeklySchedule.Compile(rules));
    }

    /// <summary>Parses opening hours without throwing.</summary>
    /// <param name="text">The text, as for <see cref="Parse(string)"/>.</param>
    /// <param name="hours">The opening hours, when the text is valid.</param>
    /// <param name="error">Where and why the text is invalid, when it is (also for a null text).</param>
    /// <returns>True when the text is valid.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        [NotNullWhen(true)] out OpeningHours? hours,
        [NotNullWhen(false)] out OpeningHoursFormatException? error)
    {
        if (text is null)
        {
            hours = null;
            error = new OpeningHoursFormatException(1, "no opening hours were given");
            return false;
        }

        try
        {
            hours = Parse(text);
            error = null;
            return true;
        }
        catch (OpeningHoursFormatException exception)
        {
            hours = null;
            error = exception;
            return false;
        }
    }

    /// <summary>Whether the place is open at an instant.</summary>
    /// <param name="instant">The instant.</param>
    /// <param name="timeZone">The place's time zone, whose wall clock the hours are read against.</param>
    /// <returns>True when open.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public bool IsOpen(DateTimeOffset instant, TimeZoneInfo timeZone)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        var offset = timeZone.GetUtcOffset(instant).Ticks;
        return _schedule.IsOpenAt(WeeklySchedule.WeekTicks(instant.UtcTicks + offset));
    }

    /// <summary>The first instant at or after <paramref name="from"/> at which the place is open.</summary>
    /// <param name="from">Where to start looking.</param>
    /// <param name="timeZone">The place's time zone.</param>
    /// <returns>
    /// <paramref name="from"/> itself when open then; otherwise the opening instant with the time zone's offset at that
    /// instant; <see langword="null"/> when the place is never open.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public DateTimeOffset? NextOpening(DateTimeOffset from, TimeZoneInfo timeZone) => Next(from, timeZone, open: true);

    /// <summary>The first instant at or after <paramref name="from"/> at which the place is closed.</summary>
    /// <param name="from">Where to start looking.</param>
    /// <param name="timeZone">The place's time zone.</param>
    /// <returns>
    /// <paramref name="from"/> itself when closed then; otherwise the closing instant with the time zone's offset at
    /// that instant; <see langword="null"/> when the place is always open.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="timeZone"/> is null.</exception>
    public DateTimeOffset? NextClosing(DateTimeOffset from, TimeZoneInfo timeZone) => Next(from, timeZone, open: false);

    /// <summary>Whether two values are open at the same times of every week.</summary>
    /// <param name="other">The other opening hours.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(OpeningHours? other) => other is not null && _schedule.Equals(other._schedule);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OpeningHours);

    /// <inheritdoc />
    public override int GetHashCode() => _schedule.GetHashCode();

    /// <summary>
    /// The rules as parsed, normalised: weekday names capitalised, times as <c>HH:MM</c>, <c>closed</c> as
    /// <c>off</c>, single spaces and <c>; </c> between rules. <see cref="Parse(string)"/> reads it back to an equal value.
    /// </summary>
    /// <returns>The normalised text.</returns>
    public override string ToString() => _text;

    private static string Normalize(OpeningHoursRule[] rules)
    {
        var text = new StringBuilder();
        for (var i = 0; i < rules.Length; i++)
        {
            if (i > 0)
            {
                text.Append("; ");
            }

            rules[i].AppendTo(text);
        }

        return text.ToString();
    }

    private static long OffsetTicks(TimeZoneInfo timeZone, long utcTicks) =>
        timeZone.GetUtcOffset(new DateTimeOffset(utcTicks, TimeSpan.Zero)).Ticks;

    // Expresses an instant with the zone's offset, or in UTC where an old offset has seconds (local mean time).
    private static DateTimeOffset Zoned(long utcTicks, long offsetTicks)
    {
        var local = utcTicks + offsetTicks;
        return offsetTicks % TimeSpan.TicksPerMinute == 0 && local >= 0 && local <= DateTime.MaxValue.Ticks
            ? new DateTimeOffset(local, new TimeSpan(offsetTicks))
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
    }

    // The first instant after `afterUtc`, up to and including `untilUtc`, at which the zone's offset is no longer
    // `offset`. Offsets are probed a day apart and the change is then found to the tick; zones do not change their
    // clocks twice within a day.
    private static long? NextOffsetChange(TimeZoneInfo timeZone, long afterUtc, long offset, long untilUtc)
    {
        var previous = afterUtc;
        while (previous < untilUtc)
        {
            var probe = untilUtc - previous > TimeSpan.TicksPerDay ? previous + TimeSpan.TicksPerDay : untilUtc;
            if (OffsetTicks(timeZone, probe) != offset)
            {
                var low = previous;
                var high = probe;
                while (high - low > 1)
                {
                    var middle = low + ((high - low) / 2);
                    if (OffsetTicks(timeZone, middle) == offset)
                    {
                        low = middle;
                    }
                    else
                    {
                        high = middle;
                    }
                }

                return high;
            }

            previous = probe;
        }

        return null;
    }

    // Walks the timeline in stretches of constant offset: within one, wall-clock time runs with UTC, so the next
    // change of state is a fixed distance away; where the clock jumps first, the search restarts at the jump.
    private DateTimeOffset? Next(DateTimeOffset from, TimeZoneInfo timeZone, bool open)
    {
        ArgumentNullException.ThrowIfNull(timeZone);
        if (open ? _schedule.IsNeverOpen : _schedule.IsAlwaysOpen)
        {
            return null;
        }

        var utc = from.UtcTicks;
        var offset = OffsetTicks(timeZone, utc);
        var week = WeeklySchedule.WeekTicks(utc + offset);
        if (_schedule.IsOpenAt(week) == open)
        {
            return from;
        }

        for (var change = 0; change <= MaxClockChanges; change++)
        {
            var wait = open ? _schedule.TicksUntilOpen(week) : _schedule.TicksUntilClosed(week);
            if (wait > MaxUtcTicks - utc)
            {
                return null;
            }

            var candidate = utc + wait;
            if (NextOffsetChange(timeZone, utc, offset, candidate) is not { } jump)
            {
                return Zoned(candidate, offset);
            }

            utc = jump;
            offset = OffsetTicks(timeZone, utc);
            week = WeeklySchedule.WeekTicks(utc + offset);
            if (_schedule.IsOpenAt(week) == open)
            {
                return Zoned(utc, offset);
            }
        }

        return null;
    }
}
