using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Forecast;

/// <summary>
/// Keeps an inbound forecast up to date as notices arrive and tracking moves them: adding, removing or replacing a notice
/// costs a few array updates, and <see cref="ToForecast"/> gives the same numbers as building from scratch. Not thread-safe.
/// </summary>
public sealed class InboundForecastBuilder
{
    private const int Grades = 5;
    private const int Dispositions = 8;

    // Per day: parcels, units, units by grade, parcels by grade, units by disposition.
    private const int Stride = 2 + Grades + Grades + Dispositions;

    private readonly Dictionary<string, int[]> _warehouses = new(StringComparer.Ordinal);
    private readonly Dictionary<RmaNumber, AdvanceShippingNotice> _overdue = [];
    private readonly Dictionary<RmaNumber, AdvanceShippingNotice> _notices = [];

    /// <summary>Creates an empty forecast for <paramref name="days"/> local days from <paramref name="from"/>.</summary>
    /// <param name="from">The first day.</param>
    /// <param name="days">How many days, 1 to 366.</param>
    public InboundForecastBuilder(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, 366);
        From = from;
        Days = days;
    }

    /// <summary>The first day.</summary>
    public DateOnly From { get; }

    /// <summary>How many days.</summary>
    public int Days { get; }

    /// <summary>Parcels expected after the last day.</summary>
    public int Later { get; private set; }

    /// <summary>Adds a notice, or replaces the notice of the same return (e.g. after a tracking update).</summary>
    /// <param name="notice">The notice.</param>
    public void Upsert(AdvanceShippingNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (_notices.TryGetValue(notice.Rma, out var old))
        {
            Apply(old, -1);
        }

        _notices[notice.Rma] = notice;
        Apply(notice, +1);
    }

    /// <summary>Removes a return's notice (cancelled, or arrived and no longer inbound).</summary>
    /// <param name="rma">The return.</param>
    /// <returns>True when the return had a notice.</returns>
    public bool Remove(RmaNumber rma)
    {
        if (!_notices.Remove(rma, out var old))
        {
            return false;
        }

        Apply(old, -1);
        return true;
    }

    /// <summary>The forecast as it stands.</summary>
    /// <returns>A snapshot; later changes to the builder do not affect it.</returns>
    public InboundForecast ToForecast()
    {
        var days = new List<InboundDay>(_warehouses.Count * Days);
        foreach (var (warehouse, counts) in _warehouses.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            // A warehouse whose parcels all moved away shows no rows, as if built afresh.
            if (!counts.AsSpan().ContainsAnyExcept(0))
            {
                continue;
            }

            for (var d = 0; d < Days; d++)
            {
                var row = counts.AsSpan(d * Stride, Stride);
                days.Add(new InboundDay(warehouse, From.AddDays(d), row[0], row[1], row[2..(2 + Grades)].ToArray(), row[(2 + Grades)..(2 + Grades + Grades)].ToArray(), row[(2 + Grades + Grades)..].ToArray()));
            }
        }

        var overdue = _overdue.Values.OrderBy(n => n.ExpectedArrival).ThenBy(n => n.Rma.Value, StringComparer.Ordinal).ToArray();
        return new InboundForecast(From, Days, days, overdue, Later);
    }

    private void Apply(AdvanceShippingNotice notice, int sign)
    {
        if (notice.ArrivedOn is not null)
        {
            return;
        }

        var offset = notice.ExpectedArrival.DayNumber - From.DayNumber;
        if (offset < 0)
        {
            if (sign > 0)
            {
                _overdue[notice.Rma] = notice;
            }
            else
            {
                _overdue.Remove(notice.Rma);
            }

            return;
        }

        if (offset >= Days)
        {
            Later += sign;
            return;
        }

        if (!_warehouses.TryGetValue(notice.WarehouseId, out var counts))
        {
            _warehouses[notice.WarehouseId] = counts = new int[Days * Stride];
        }

        var row = counts.AsSpan(offset * Stride, Stride);
        row[0] += sign;
        row[1] += sign * notice.Units;
        Span<bool> gradeSeen = stackalloc bool[Grades];
        foreach (var line in notice.Lines)
        {
            var grade = (int)line.DeclaredGrade;
            row[2 + grade] += sign * line.Quantity;
            row[2 + Grades + Grades + (int)line.ExpectedDisposition] += sign * line.Quantity;
            if (!gradeSeen[grade])
            {
                gradeSeen[grade] = true;
                row[2 + Grades + grade] += sign;
            }
        }
    }
}
