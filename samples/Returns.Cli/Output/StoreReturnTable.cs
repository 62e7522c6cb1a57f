using System.Globalization;
using Returns.Sdk;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>Renders a store return for the associate: the RMA, each item's destination, the refund and where it is booked.</summary>
internal static class StoreReturnTable
{
    /// <summary>Writes the store return to the console. Every value from the input is escaped.</summary>
    /// <param name="console">The console.</param>
    /// <param name="result">The store return, as the JSON output shapes it.</param>
    public static void Write(IAnsiConsole console, StoreReturnJson result)
    {
        var currency = Currency.FromCode(result.Currency);
        console.MarkupLine(result.Rma is null
            ? $"[bold]Dry run[/] for order [bold]{Markup.Escape(result.OrderNumber)}[/]: nothing recorded, nothing paid."
            : $"Store return [bold]{Markup.Escape(result.Rma)}[/]  {Markup.Escape(result.State ?? "preview (dry run, nothing recorded)")}");
        console.MarkupLine(Markup.Escape(
            $"Order {result.OrderNumber}  store {result.StoreId}  associate {result.AssociateId}  resolution {result.Resolution}  " +
            $"at {result.At.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)}"));

        var items = new Table()
            .Title("Items")
            .AddColumn(new TableColumn("SKU"))
            .AddColumn(new TableColumn("Qty").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Grade").NoWrap())
            .AddColumn(new TableColumn("Destination"))
            .AddColumn(new TableColumn("Kept in store").NoWrap())
            .AddColumn("Explanation");
        foreach (var item in result.Items)
        {
            items.AddRow(
                Markup.Escape(item.Sku),
                item.Quantity.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(item.Grade),
                Markup.Escape($"{item.Disposition ?? "none possible"} at {item.SiteId}"),
                item.KeptInStore ? "[green]yes[/]" : "no",
                Markup.Escape(item.Explanation));
        }

        console.Write(items);

        foreach (var refund in result.Refunds)
        {
            if (refund.Tenders.Count == 0)
            {
                // An exchange worth at least the return pays nothing back; an empty table would only look broken.
                console.MarkupLine(Markup.Escape(refund.RefundId is null
                    ? $"Refund of order {refund.OrderNumber} (preview): nothing paid back."
                    : $"Refund {refund.RefundId} ({refund.Status}): nothing paid back."));
                continue;
            }

            var tenders = new Table()
                .Title(Markup.Escape(refund.RefundId is null ? $"Refund of order {refund.OrderNumber} (preview)" : $"Refund {refund.RefundId} ({refund.Status})"))
                .AddColumn("Tender")
                .AddColumn("Reference")
                .AddColumn(new TableColumn("Amount").RightAligned());
            foreach (var tender in refund.Tenders)
            {
                tenders.AddRow(Markup.Escape(tender.Kind), Markup.Escape(tender.Reference ?? "-"), Markup.Escape(Amount(tender.Amount, currency)));
            }

            console.Write(tenders);
            if (refund.GatewayReference is not null)
            {
                console.MarkupLine(Markup.Escape($"Confirmed by the platform: {refund.GatewayReference}"));
            }
        }

        console.MarkupLine($"[bold]Refund total:[/] {Markup.Escape(Amount(result.RefundTotal, currency))}");
        if (result.Resolution == "exchange" || result.AmountDue != 0m)
        {
            var exchanged = result.Refunds.Sum(r => r.ExchangeValue);
            console.MarkupLine($"[bold]Amount due at the till:[/] {Markup.Escape(Amount(result.AmountDue, currency))} (exchange worth {Markup.Escape(Amount(exchanged, currency))})");
        }

        console.MarkupLine(Markup.Escape($"Booked to: {result.BookedTo}  Handled at: {result.HandledAt}"));
        var kept = result.Items.Where(i => i.KeptInStore).ToList();
        console.MarkupLine(kept.Count == 0
            ? Markup.Escape($"Kept in store {result.StoreId}: nothing; every item goes to the warehouse.")
            : Markup.Escape($"Kept in store {result.StoreId}: {string.Join(", ", kept.Select(i => $"{i.Quantity} x {i.Sku}"))} (back in its own stock)."));

        if (result.Repeated)
        {
            console.MarkupLine(Markup.Escape($"Already processed with key {result.IdempotencyKey}: this is the stored return; nothing new was recorded or paid."));
        }

        console.MarkupLine(Markup.Escape(result.DryRun && !result.Database.Created && !File.Exists(result.Database.Path)
            ? $"Returns database: {result.Database.Path} (does not exist yet; a dry run does not create it)"
            : $"Returns database: {result.Database.Path}{(result.Database.Created ? " (created)" : string.Empty)}"));
    }

    private static string Amount(decimal amount, Currency currency) => Format.Amount(new Money(amount, currency));
}
