namespace Returns.Sdk.ReturnOptions.Internal;

internal static class WorkingDays
{
    // Carriers count transit in working days; a parcel handed over on a Saturday starts moving on Monday.
    public static DateOnly Add(DateOnly start, int days)
    {
        var date = start;
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(1);
        }

        var weeks = Math.DivRem(days, 5, out var rest);
        date = date.AddDays(weeks * 7);
        for (var i = 0; i < rest; i++)
        {
            date = date.AddDays(date.DayOfWeek == DayOfWeek.Friday ? 3 : 1);
        }

        return date;
    }
}
