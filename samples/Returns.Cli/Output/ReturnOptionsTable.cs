using System.Globalization;
using Returns.Cli.Commands;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.ReturnOptions;
using Returns.Sdk.Serialization;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>
/// Renders return options for people: a header naming the order, strategy, instant and customer; the ranked options;
/// the candidates left out with their reasons; and the parcel the prices assume.
/// </summary>
internal static class ReturnOptionsTable
{
    /// <summary>Writes the result. Every value from the input files is escaped, so a name like <c>[Shop]</c> prints as is.</summary>
    /// <param name="console">The console.</param>
    /// <param name="order">The order being returned.</param>
    /// <param name="result">The option service's answer.</param>
    /// <param name="customer">Where the customer was placed.</param>
    /// <param name="networks">Finds the carrier network of a service.</param>
    /// <param name="timeZone">The customer's time zone.</param>
    public static void Write(IAnsiConsole console, Order order, ReturnOptionResult result, CustomerPlacement customer, CarrierNetworks networks, TimeZoneInfo timeZone)
    {
        console.MarkupLine(
            $"Return options for order [bold]{Markup.Escape(order.Number)}[/]  strategy [bold]{Markup.Escape(result.Strategy)}[/]  " +
            $"at {Markup.Escape(Format.Instant(result.At, timeZone))}");
        console.MarkupLine($"Customer: {Markup.Escape(Customer(customer))}");

        if (result.Options.Count == 0)
        {
            console.MarkupLine("[yellow]No return option is available.[/]");
        }
        else
        {
            var options = new Table()
                .Title("Options")
                .AddColumn(new TableColumn("#").RightAligned().NoWrap())
                .AddColumn(new TableColumn("Method").NoWrap())
                .AddColumn(new TableColumn("Carrier").NoWrap())
                .AddColumn("Service")
                .AddColumn(new TableColumn("Retailer cost").RightAligned().NoWrap())
                .AddColumn(new TableColumn("Customer fee").RightAligned().NoWrap())
                .AddColumn("Nearest place")
                .AddColumn(new TableColumn("Distance").RightAligned().NoWrap())
                .AddColumn("Open now")
                .AddColumn("Label")
                .AddColumn(new TableColumn("Expected arrival").NoWrap());
            foreach (var option in result.Options)
            {
                var nearest = option.NearestLocation;
                options.AddRow(
                    option.Rank.ToString(CultureInfo.InvariantCulture),
                    Markup.Escape(option.Method.ToName()),
                    Markup.Escape(networks.Of(option.CarrierId, option.ServiceCode) ?? "-"),
                    Markup.Escape(option.Service?.Name ?? "-"),
                    Markup.Escape(Format.Amount(option.RetailerCost)),
                    Markup.Escape(Format.Amount(option.CustomerFee)) + (option.FeeDetail.Waived ? " [grey](waived)[/]" : option.FeeDetail.Capped ? " [grey](capped)[/]" : string.Empty),
                    Markup.Escape(nearest?.Point.Name ?? (option.Method == ReturnMethod.HomePickup ? "collected at home" : "-")),
                    Markup.Escape(nearest is null ? "-" : Format.Distance(nearest.DistanceKm)),
                    OpenNow(nearest, timeZone),
                    Markup.Escape(Label(option.PreferredLabelMode)),
                    Markup.Escape(option.ExpectedArrival.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }

            console.Write(options);
        }

        if (result.Excluded.Count > 0)
        {
            var excluded = new Table()
                .Title("Not offered")
                .AddColumn(new TableColumn("Method").NoWrap())
                .AddColumn(new TableColumn("Carrier").NoWrap())
                .AddColumn("Service")
                .AddColumn(new TableColumn("Reason").NoWrap())
                .AddColumn("Why");
            foreach (var candidate in result.Excluded)
            {
                excluded.AddRow(
                    Markup.Escape(candidate.Method?.ToName() ?? "-"),
                    Markup.Escape(networks.Of(candidate.CarrierId, candidate.ServiceCode) ?? "-"),
                    Markup.Escape(candidate.ServiceCode ?? "-"),
                    Markup.Escape(Names.SnakeCase(candidate.Reason.ToString())),
                    Markup.Escape(candidate.Message));
            }

            console.Write(excluded);
        }

        if (result.ParcelEstimate is { } parcel)
        {
            console.MarkupLine($"[bold]Parcel:[/] {Markup.Escape(Parcel(parcel))}");
        }
    }

    private static string Customer(CustomerPlacement customer)
    {
        var address = $"{customer.Address.Country} {customer.Address.Postcode}".TrimEnd();
        var how = customer.LocatedBy switch
        {
            "postcode" => $"centroid of postcode {customer.MatchedPostcode}",
            "postcode_prefix" => $"centroid of postcode area {customer.MatchedPostcode}",
            _ => "given coordinates",
        };
        return $"{address}, searching from {customer.Location} ({how})";
    }

    private static string Parcel(Returns.Sdk.Parcels.ParcelEstimate estimate)
    {
        var box = estimate.Box is { } b ? $"box {b.Id}" : "no catalog box fits";
        var size = estimate.Parcel.Dimensions is { } d ? string.Create(CultureInfo.InvariantCulture, $", {d.LengthCm:0.#} x {d.WidthCm:0.#} x {d.HeightCm:0.#} cm") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"{box}, {estimate.Parcel.Weight}{size}. {estimate.Explanation}");
    }

    private static string OpenNow(ReturnLocation? location, TimeZoneInfo timeZone) => location switch
    {
        null => "-",
        { OpenNow: true } => "[green]open[/]",
        { NextOpening: { } opens } => $"[red]closed[/], opens {Markup.Escape(Format.Opening(opens, timeZone))}",
        { OpenNow: false } => "[red]closed[/]",
        _ => "[grey]unknown[/]",
    };

    private static string Label(LabelModes mode) => mode switch
    {
        LabelModes.PrinterlessQr => "QR code, no printer",
        LabelModes.Printed => "print a label",
        LabelModes.Mailed => "label by post",
        _ => "-",
    };
}
