namespace Returns.Sdk.Locations.Internal;

/// <summary>
/// Opening hours compiled to the minutes of a local week (Monday 00:00 = 0): sorted, disjoint, non-touching
/// [start, end) spans, so "is it open" is a short scan over a few integers.
/// </summary>
internal sealed class WeeklySchedule : IEquatable<WeeklySchedule>
{
    internal const int MinutesPerWeek = 7 * OpeningHoursRule.MinutesPerDay;
    internal const long TicksPerWeek = MinutesPerWeek * TimeSpan.TicksPerMinute;

    // start0, end0, start1, end1, ...
    private readonly int[] _bounds;

    private WeeklySchedule(int[] bounds) => _bounds = bounds;

    internal bool IsAlwaysOpen => _bounds is [0, MinutesPerWeek];

    internal bool IsNeverOpen => _bounds.Length == 0;

    /// <summary>Applies the rules in order, each replacing what earlier rules said about the days it names.</summary>
    internal static WeeklySchedule Compile(IReadOnlyList<OpeningHoursRule> rules)
    {
        var days = new TimeRange[]?[7];
        var alwaysOpen = new[] { new TimeRange(0, OpeningHoursRule.MinutesPerDay) };
        foreach (var rule in rules)
        {
            var mask = rule.IsAlwaysOpen ? 0b111_1111 : rule.DayMask;
            for (var day = 0; day < 7; day++)
            {
                if ((mask & (1 << day)) != 0)
                {
                    days[day] = rule.IsAlwaysOpen ? alwaysOpen : rule.Times;
                }
            }
        }

        // A span past midnight belongs to the day it starts on and spills into the next (Sunday into Monday).
        var spans = new List<(int Start, int End)>();
        for (var day = 0; day < 7; day++)
        {
            foreach (var time in days[day] ?? [])
            {
                var start = (day * OpeningHoursRule.MinutesPerDay) + time.StartMinute;
                var end = (day * OpeningHoursRule.MinutesPerDay) + time.EndFromStartDay;
                if (end <= MinutesPerWeek)
                {
                    spans.Add((start, end));
                }
                else
                {
                    spans.Add((start, MinutesPerWeek));
                    spans.Add((0, end - MinutesPerWeek));
                }
            }
        }

        spans.Sort();
        var bounds = new List<int>(spans.Count * 2);
        foreach (var (start, end) in spans)
        {
            if (bounds.Count > 0 && start <= bounds[^1])
            {
                bounds[^1] = Math.Max(bounds[^1], end);
            }
            else
            {
                bounds.Add(start);
                bounds.Add(end);
            }
        }

        return new WeeklySchedule([.. bounds]);
    }

    /// <summary>The position in the week of local clock ticks (day 1 of year 1 was a Monday).</summary>
    internal static long WeekTicks(long localTicks)
    {
        var ticks = localTicks % TicksPerWeek;
        return ticks < 0 ? ticks + TicksPerWeek : ticks;
    }

    internal bool IsOpenAt(long weekTicks)
    {
        var minute = (int)(weekTicks / TimeSpan.TicksPerMinute);
        var bounds = _bounds;
        for (var i = 0; i < bounds.Length; i += 2)
        {
            if (minute < bounds[i])
            {
                return false;
            }

            if (minute < bounds[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How long until the next span starts, from a closed moment of the week; -1 when never open.</summary>
    internal long TicksUntilOpen(long weekTicks)
    {
        var bounds = _bounds;
        if (bounds.Length == 0)
        {
            return -1;
        }

        for (var i = 0; i < bounds.Length; i += 2)
        {
            var start = bounds[i] * TimeSpan.TicksPerMinute;
            if (start > weekTicks)
            {
                return start - weekTicks;
            }
        }

        return TicksPerWeek - weekTicks + (bounds[0] * TimeSpan.TicksPerMinute);
    }

    /// <summary>How long until the span around an open moment of the week ends; -1 when always open.</summary>
    internal long TicksUntilClosed(long weekTicks)
    {
        var bounds = _bounds;
        if (IsAlwaysOpen)
        {
            return -1;
        }

        var minute = (int)(weekTicks / TimeSpan.TicksPerMinute);
        for (var i = 0; i < bounds.Length; i += 2)
        {
            if (minute < bounds[i + 1])
            {
                var end = bounds[i + 1] * TimeSpan.TicksPerMinute;

                // Open through Sunday midnight into a span that starts on Monday 00:00.
                return bounds[i + 1] == MinutesPerWeek && bounds[0] == 0
                    ? end - weekTicks + (bounds[1] * TimeSpan.TicksPerMinute)
                    : end - weekTicks;
            }
        }

        return 0;
    }

    public bool Equals(WeeklySchedule? other) => other is not null && _bounds.AsSpan().SequenceEqual(other._bounds);

    public override bool Equals(object? obj) => Equals(obj as WeeklySchedule);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var bound in _bounds)
        {
            hash.Add(bound);
        }

        return hash.ToHashCode();
    }
}
