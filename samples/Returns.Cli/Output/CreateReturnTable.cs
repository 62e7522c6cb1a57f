using System.Globalization;
using Returns.Sdk;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>Renders a customer's own return, or the options it could be created with, for the terminal.</summary>
internal static class CreateReturnTable
{
    /// <summary>Writes the created return. Every value from the input is escaped.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The return, as the JSON output shapes it.</param>
    public static void Write(IAnsiConsole console, CreateReturnJson result)
    {
        var currency = Currency.FromCode(result.Currency);
        var option = result.Option;
        console.MarkupLine($"Return [bold]{Markup.Escape(result.Rma)}[/]  {Markup.Escape(result.State)}");
        if (result.Repeated)
        {
            console.MarkupLine(Markup.Escape($"Already created with key {result.IdempotencyKey}: the stored return is shown; nothing new was recorded."));
        }

        var details = new Table().HideHeaders().AddColumn("Field").AddColumn("Value");
        details.AddRow("Order", Markup.Escape(result.OrderNumber));
        details.AddRow("Method", Markup.Escape($"{option.Method} ({option.Key})"));
        details.AddRow("Carrier", Markup.Escape(option.Carrier is null ? "-" : $"{option.Carrier} {option.Service}"));
        details.AddRow("Nearest place", Markup.Escape(option.Place is { } place
            ? string.Create(CultureInfo.InvariantCulture, $"{place.Name} ({place.Id}), {place.DistanceKm:0.0} km, today {place.OpeningToday}")
            : "-"));
        details.AddRow("Expected arrival", option.ExpectedArrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        details.AddRow("Expected refund", Markup.Escape(
            $"{Format.Amount(new Money(result.Refund.Amount, currency))} ({result.Resolution}, fee {Format.Amount(new Money(result.Refund.Fee, currency))}), {result.Refund.Timing}"));
        details.AddRow("Label", Markup.Escape(Label(result)));
        console.Write(details);

        console.MarkupLine($"[bold]Next:[/] {Markup.Escape(result.NextStep)}");
        console.MarkupLine(Markup.Escape($"Returns database: {result.Database.Path}{(result.Database.Created ? " (created)" : string.Empty)}"));
    }

    /// <summary>Writes the ranked options of a quote.</summary>
    /// <param name="console">The console.</param>
    /// <param name="quote">The quote, as the JSON output shapes it.</param>
    public static void Write(IAnsiConsole console, CreateReturnQuoteJson quote)
    {
        var currency = Currency.FromCode(quote.Currency);
        var table = new Table()
            .Title(Markup.Escape($"Options for order {quote.OrderNumber} ({quote.Resolution}); nothing recorded"))
            .AddColumn(new TableColumn("#").RightAligned())
            .AddColumn("Key (--option)")
            .AddColumn(new TableColumn("Cost to you").RightAligned())
            .AddColumn(new TableColumn("Expected refund").RightAligned())
            .AddColumn("Refund timing")
            .AddColumn("Label")
            .AddColumn("Nearest place")
            .AddColumn("Arrives");
        foreach (var option in quote.Options)
        {
            table.AddRow(
                option.Rank.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(option.Key),
                Markup.Escape(Format.Amount(new Money(option.CustomerCost, currency))),
                Markup.Escape(Format.Amount(new Money(option.ExpectedRefund, currency))),
                Markup.Escape(option.RefundTiming),
                Markup.Escape(option.LabelModes.Count == 0 ? "-" : string.Join('|', option.LabelModes)),
                Markup.Escape(option.Place is { } place ? string.Create(CultureInfo.InvariantCulture, $"{place.Name}, {place.DistanceKm:0.0} km, today {place.OpeningToday}") : "-"),
                option.ExpectedArrival.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        console.Write(table);
    }

    private static string Label(CreateReturnJson result) => result.LabelMode switch
    {
        "printed" => $"written to {result.LabelFile}",
        "qr" => $"QR code: {result.QrPayload}",
        "mailed" => "the label will be mailed",
        _ => $"none; show the QR code of {result.QrPayload} in store",
    };
}
