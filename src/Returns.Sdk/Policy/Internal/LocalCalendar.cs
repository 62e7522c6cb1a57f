namespace Returns.Sdk.Policy.Internal;

// Return windows are counted in whole local days of the retailer's time zone: "30 days from delivery" ends when
// the 30th local day after the delivery day ends, wherever the server runs.
internal sealed class LocalCalendar
{
    private readonly bool _isUtc;

    // Most zones change their clocks in the small hours, never at midnight; knowing that up front spares every
    // window end an invalid-time probe.
    private readonly bool _midnightCanBeInvalid;

    public LocalCalendar(TimeZoneInfo zone)
    {
        Zone = zone;
        _isUtc = ReferenceEquals(zone, TimeZoneInfo.Utc) || (zone.BaseUtcOffset == TimeSpan.Zero && !zone.SupportsDaylightSavingTime);
        _midnightCanBeInvalid = !_isUtc && zone.GetAdjustmentRules().Any(MayJumpOverMidnight);
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(_isUtc ? instant.UtcDateTime : TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    // The first instant after a window of `days` whole local days following `basis`.
    public DateTimeOffset EndOfWindow(DateOnly basis, int days) => StartOfDay(basis.AddDays(days + 1));

    public DateTimeOffset StartOfDay(DateOnly date)
    {
        var midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        if (_isUtc)
        {
            return new DateTimeOffset(midnight, TimeSpan.Zero);
        }

        // Where clocks jump forward at midnight the day starts at the first valid local time.
        while (_midnightCanBeInvalid && Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
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
