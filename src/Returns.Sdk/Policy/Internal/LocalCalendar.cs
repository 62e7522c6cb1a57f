namespace Returns.Sdk.Policy.Internal;

// Return windows are counted in whole local days of the retailer's time zone: "30 days from delivery" ends when
// the 30th local day after the delivery day ends, wherever the server runs.
//
// Asking TimeZoneInfo for an offset walks its adjustment rules each time, which dominated policy evaluation; the
// offset at every local midnight from 2000 to 2069 is therefore computed once per policy version (50 KB) and
// looked up by day number. Dates outside that range, and zones whose clocks may jump over midnight, take the
// slow path.
internal sealed class LocalCalendar
{
    private static readonly DateOnly FirstTabulatedDay = new(2000, 1, 1);
    private static readonly DateOnly LastTabulatedDay = new(2069, 12, 31);

    private readonly bool _isUtc;
    private readonly bool _midnightCanBeInvalid;
    private readonly short[]? _midnightOffsetMinutes;

    public LocalCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
        _isUtc = ReferenceEquals(zone, TimeZoneInfo.Utc) || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);
        _midnightCanBeInvalid = !_isUtc && zone.GetAdjustmentRules().Any(MayJumpOverMidnight);
        if (!_isUtc && !_midnightCanBeInvalid)
        {
            _midnightOffsetMinutes = new short[LastTabulatedDay.DayNumber - FirstTabulatedDay.DayNumber + 1];
            for (var i = 0; i < _midnightOffsetMinutes.Length; i++)
            {
                _midnightOffsetMinutes[i] = (short)ComputeStartOfDay(FirstTabulatedDay.AddDays(i)).Offset.TotalMinutes;
            }
        }
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly LocalDate(DateTimeOffset instant)
    {
        var utcDate = DateOnly.FromDateTime(instant.UtcDateTime);
        if (_isUtc)
        {
            return utcDate;
        }

        if (_midnightOffsetMinutes is null || utcDate <= FirstTabulatedDay || utcDate >= LastTabulatedDay)
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);
        }

        // The local day is the one whose midnight is the last at or before the instant: at most a day either side.
        var local = DateOnly.FromDateTime(instant.UtcDateTime.AddMinutes(_midnightOffsetMinutes[utcDate.DayNumber - FirstTabulatedDay.DayNumber]));
        while (StartOfDay(local) > instant)
        {
            local = local.AddDays(-1);
        }

        while (StartOfDay(local.AddDays(1)) <= instant)
        {
            local = local.AddDays(1);
        }

        return local;
    }

    // The first instant after a window of `days` whole local days following `basis`.
    public DateTimeOffset EndOfWindow(DateOnly basis, int days) => StartOfDay(basis.AddDays(days + 1));

    public DateTimeOffset StartOfDay(DateOnly date)
    {
        if (_isUtc)
        {
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), TimeSpan.Zero);
        }

        if (_midnightOffsetMinutes is not null && date >= FirstTabulatedDay && date <= LastTabulatedDay)
        {
            var minutes = _midnightOffsetMinutes[date.DayNumber - FirstTabulatedDay.DayNumber];
            return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), TimeSpan.FromMinutes(minutes));
        }

        return ComputeStartOfDay(date);
    }

    private DateTimeOffset ComputeStartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where clocks jump forward at midnight the day starts at the first valid local time.
        while (_midnightCanBeInvalid && Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        // Where clocks fall back over midnight the local day starts at its first midnight, the earlier instant.
        var offset = Zone.IsAmbiguousTime(midnight) ? Zone.GetAmbiguousTimeOffsets(midnight).Max() : Zone.GetUtcOffset(midnight);
        return new DateTimeOffset(midnight, offset);
    }

    // A forward jump of `delta` at local time T skips [T, T + delta); midnight is skipped when that interval
    // contains it. Rules that also move the base offset are treated as unsafe.
    private static bool MayJumpOverMidnight(TimeZoneInfo.AdjustmentRule rule)
    {
        if (rule.BaseUtcOffsetDelta != TimeSpan.Zero || rule.DaylightDelta < TimeSpan.Zero)
        {
            return true;
        }

        return Skips(rule.DaylightTransitionStart.TimeOfDay.TimeOfDay, rule.DaylightDelta)
            || Skips(rule.DaylightTransitionEnd.TimeOfDay.TimeOfDay, rule.DaylightDelta.Negate());
    }

    private static bool Skips(TimeSpan transition, TimeSpan jump) =>
        jump > TimeSpan.Zero && (transition == TimeSpan.Zero || transition + jump > TimeSpan.FromDays(1));
}
