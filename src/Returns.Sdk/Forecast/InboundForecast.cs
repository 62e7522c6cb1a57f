namespace Returns.Sdk.Forecast;

/// <summary>
/// What each warehouse should expect, day by day (local dates), from the advance shipping notices of returns on their
/// way: parcels and units per declared grade and expected disposition, so that staff can be planned. Parcels already
/// arrived are not inbound; parcels expected before the first day and not arrived are listed as overdue.
/// </summary>
public sealed class InboundForecast
{
    internal InboundForecast(DateOnly from, int days, IReadOnlyList<InboundDay> rows, IReadOnlyList<AdvanceShippingNotice> overdue, int later)
    {
        From = from;
        DayCount = days;
        Rows = rows;
        Overdue = overdue;
        Later = later;
    }

    /// <summary>The first day.</summary>
    public DateOnly From { get; }

    /// <summary>How many days.</summary>
    public int DayCount { get; }

    /// <summary>The last day.</summary>
    public DateOnly To => From.AddDays(DayCount - 1);

    /// <summary>One row per warehouse and day, warehouses in ordinal order, days ascending; days without parcels included.</summary>
    public IReadOnlyList<InboundDay> Rows { get; }

    /// <summary>Parcels expected before <see cref="From"/> that have not arrived, oldest first.</summary>
    public IReadOnlyList<AdvanceShippingNotice> Overdue { get; }

    /// <summary>Parcels expected after <see cref="To"/>.</summary>
    public int Later { get; }

    /// <summary>The warehouses with parcels in the range.</summary>
    public IEnumerable<string> Warehouses => Rows.Select(r => r.WarehouseId).Distinct(StringComparer.Ordinal);

    /// <summary>Builds a forecast from notices.</summary>
    /// <param name="notices">The notices; one per return (a later notice of the same return replaces an earlier one).</param>
    /// <param name="from">The first local day.</param>
    /// <param name="days">How many days, 1 to 366.</param>
    /// <returns>The forecast.</returns>
    public static InboundForecast Build(IEnumerable<AdvanceShippingNotice> notices, DateOnly from, int days)
    {
        ArgumentNullException.ThrowIfNull(notices);
        var builder = new InboundForecastBuilder(from, days);
        foreach (var notice in notices)
        {
            builder.Upsert(notice);
        }

        return builder.ToForecast();
    }

    /// <summary>A warehouse's day.</summary>
    /// <param name="warehouseId">The warehouse.</param>
    /// <param name="date">The local date.</param>
    /// <returns>The day, or <see langword="null"/> when outside the range or the warehouse expects nothing in it.</returns>
    public InboundDay? Day(string warehouseId, DateOnly date)
    {
        var offset = date.DayNumber - From.DayNumber;
        if (offset < 0 || offset >= DayCount)
        {
            return null;
        }

        foreach (var row in Rows)
        {
            if (row.Date == date && string.Equals(row.WarehouseId, warehouseId, StringComparison.Ordinal))
            {
                return row;
            }
        }

        return null;
    }
}
