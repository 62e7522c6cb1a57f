using System.Globalization;
using Returns.Sdk.Carriers;
using Returns.Sdk.Geo;
using Returns.Sdk.Serialization;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>Renders the nearest points for people: a header naming the search, then one row per point, nearest first.</summary>
internal static class NearestPointsTable
{
    /// <summary>Writes the points. Every value from the input file is escaped, so a name like <c>[Shop]</c> prints as is.</summary>
    /// <param name="console">The console.</param>
    /// <param name="heading">What was searched, e.g. "5 nearest parcel_locker points to 52.37,4.89".</param>
    /// <param name="points">The points and distances, nearest first.</param>
    /// <param name="now">The instant "open now" is judged at.</param>
    /// <param name="timeZone">The time zone opening hours are read in.</param>
    public static void Write(IAnsiConsole console, string heading, IReadOnlyList<GeoNeighbor<DropOffPoint>> points, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var local = TimeZoneInfo.ConvertTime(now, timeZone);
        console.MarkupLine($"{Markup.Escape(heading)}  [grey]open now at {Markup.Escape(local.ToString("ddd yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture))} ({Markup.Escape(timeZone.Id)})[/]");
        if (points.Count == 0)
        {
            console.MarkupLine("[yellow]No point matches.[/]");
            return;
        }

        var table = new Table()
            .AddColumn(new TableColumn("#").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Id").NoWrap())
            .AddColumn("Name")
            .AddColumn(new TableColumn("Kind").NoWrap())
            .AddColumn(new TableColumn("Carrier").NoWrap())
            .AddColumn(new TableColumn("Distance").RightAligned().NoWrap())
            .AddColumn("Address")
            .AddColumn("Open now")
            .AddColumn("Opening hours");
        for (var i = 0; i < points.Count; i++)
        {
            var (point, distance) = points[i];
            table.AddRow(
                (i + 1).ToString(CultureInfo.InvariantCulture),
                Markup.Escape(point.Id),
                Markup.Escape(point.Name),
                Markup.Escape(point.Kind.ToName()),
                Markup.Escape(string.IsNullOrEmpty(point.CarrierId) ? "-" : point.CarrierId),
                Markup.Escape(Format.Distance(distance)),
                Markup.Escape(Format.Address(point.Address)),
                Format.OpenNow(point.OpeningHours, now, timeZone),
                Markup.Escape(point.OpeningHours?.ToString() ?? "unknown"));
        }

        console.Write(table);
    }
}
