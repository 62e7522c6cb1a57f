using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Returns.Sdk.Forecast;
using Spectre.Console;

namespace Returns.Cli.Commands;

/// <summary>The <c>forecast</c> command: what each warehouse receives day by day, from advance shipping notices.</summary>
internal static class ForecastCommand
{
    /// <summary>The bundled demo notices.</summary>
    public const string DemoNotices = "notices.json";

    /// <summary>The first day of the demo notices' range, used when the bundled notices are read without <c>--from</c>.</summary>
    public static readonly DateOnly DemoFrom = new(2026, 11, 23);

    private static readonly string[] CountHeaders = ["Parcels", "Units", "A", "B", "C", "D", "X", "Restock", "Repack", "Refurb", "Outlet", "Vendor", "Donate", "Recycle", "Destroy"];

    /// <summary>Builds <c>returns forecast</c>.</summary>
    /// <param name="context">Where the command writes and which clock it reads.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliContext context)
    {
        var noticesOption = CommonOptions.InputFile(
            "--notices",
            $"The advance shipping notices (JSON, see docs/formats/notices.md). Default: the bundled demo notices, data/{DemoNotices}.");
        var fromOption = new Option<DateOnly?>("--from")
        {
            Description = $"The first day (yyyy-MM-dd). Default: today in --time-zone; {DemoFrom:yyyy-MM-dd} for the bundled demo notices.",
            HelpName = "DATE",
            CustomParser = ParseDate,
        };
        var daysOption = CommonOptions.Count("--days", "How many days to forecast, 1 to 366.", 14);
        daysOption.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() > 366)
            {
                result.AddError("--days is at most 366.");
            }
        });
        var warehouseOption = new Option<string?>("--warehouse") { Description = "Only this warehouse, as the notices spell it.", HelpName = "ID" };
        var timeZoneOption = CommonOptions.TimeZone();
        var formatOption = new Option<string>("--format", "-f")
        {
            Description = "How to print: 'table' for people, 'json' or 'csv' for planning tools (docs/formats/forecast.md). Default: table.",
            HelpName = "table|json|csv",
            DefaultValueFactory = _ => "table",
        };
        formatOption.AcceptOnlyFromAmong("table", "json", "csv");

        var command = new Command(
            "forecast",
            "What each warehouse receives day by day: parcels and units per declared grade and expected disposition, parcels overdue and parcels expected later.")
        {
            noticesOption,
            fromOption,
            daysOption,
            warehouseOption,
            timeZoneOption,
            formatOption,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(noticesOption);
            var notices = await AdvanceShippingNoticeDocument.LoadFileAsync(path ?? CommonOptions.BundledFile(DemoNotices), cancellationToken).ConfigureAwait(false);
            if (parseResult.GetValue(warehouseOption) is { } warehouse)
            {
                notices = [.. notices.Where(n => string.Equals(n.WarehouseId, warehouse, StringComparison.Ordinal))];
            }

            var from = parseResult.GetValue(fromOption)
                ?? (path is null ? DemoFrom : AdvanceShippingNotice.LocalDate(context.Time.GetUtcNow(), CommonOptions.ResolveTimeZone(parseResult, timeZoneOption)));
            var forecast = InboundForecast.Build(notices, from, parseResult.GetValue(daysOption));
            switch (parseResult.GetValue(formatOption))
            {
                case "json":
                    using (var stdout = new MemoryStream())
                    {
                        InboundForecastExport.WriteJson(forecast, stdout);
                        await context.Out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(stdout.ToArray())).ConfigureAwait(false);
                    }

                    break;
                case "csv":
                    InboundForecastExport.WriteCsv(forecast, context.Out);
                    break;
                default:
                    WriteTables(context.Console, forecast);
                    break;
            }

            return ExitCodes.Success;
        });

        return command;
    }

    private static void WriteTables(IAnsiConsole console, InboundForecast forecast)
    {
        var any = false;
        foreach (var warehouse in forecast.Warehouses)
        {
            any = true;
            var table = new Table().Title($"[bold]{Markup.Escape(warehouse)}[/] {forecast.From:yyyy-MM-dd} to {forecast.To:yyyy-MM-dd}");
            table.AddColumn("Day");
            foreach (var header in CountHeaders)
            {
                table.AddColumn(new TableColumn(header).RightAligned());
            }

            var totals = new int[2 + 5 + 8];
            foreach (var day in forecast.Rows.Where(r => string.Equals(r.WarehouseId, warehouse, StringComparison.Ordinal)))
            {
                int[] values = [day.Parcels, day.Units, .. day.UnitsByGrade, .. day.UnitsByDisposition];
                for (var i = 0; i < values.Length; i++)
                {
                    totals[i] += values[i];
                }

                table.AddRow([Markup.Escape(day.Date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)), .. values.Select(N)]);
            }

            table.AddRow(["[bold]Total[/]", .. totals.Select(t => $"[bold]{N(t)}[/]")]);
            console.Write(table);
        }

        if (!any)
        {
            console.MarkupLine($"No parcels expected between {forecast.From:yyyy-MM-dd} and {forecast.To:yyyy-MM-dd}.");
        }

        if (forecast.Overdue.Count > 0)
        {
            console.MarkupLine($"[yellow]{forecast.Overdue.Count} parcel(s) overdue[/] (expected before {forecast.From:yyyy-MM-dd}, not arrived):");
            foreach (var notice in forecast.Overdue)
            {
                console.MarkupLine(Markup.Escape($"  {notice.Rma}  {notice.WarehouseId}  expected {notice.ExpectedArrival:yyyy-MM-dd}  {notice.Units} unit(s)  {notice.CarrierId} {notice.TrackingNumber}"));
            }
        }

        if (forecast.Later > 0)
        {
            console.MarkupLine($"{forecast.Later} parcel(s) expected after {forecast.To:yyyy-MM-dd}.");
        }
    }

    private static string N(int value) => value == 0 ? "·" : value.ToString(CultureInfo.InvariantCulture);

    private static DateOnly? ParseDate(ArgumentResult result)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[0].Value;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"'{text}' is not a date; write it as yyyy-MM-dd, e.g. 2026-11-23.");
        return null;
    }
}
