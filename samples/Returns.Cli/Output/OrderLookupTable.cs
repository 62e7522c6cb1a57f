using System.Globalization;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>Renders what a store lookup found: the orders with their lines, and the return an RMA number named.</summary>
internal static class OrderLookupTable
{
    /// <summary>Writes the lookup to the console. Every value from the input is escaped.</summary>
    /// <param name="console">The console.</param>
    /// <param name="lookup">The lookup, as the JSON output shapes it.</param>
    public static void Write(IAnsiConsole console, OrderLookupJson lookup)
    {
        if (lookup.Orders.Count == 0)
        {
            console.MarkupLine(Markup.Escape($"No order found for '{lookup.Query}' (order number, customer e-mail or RMA number)."));
            return;
        }

        var table = new Table()
            .Title(Markup.Escape($"Orders found for '{lookup.Query}'"))
            .AddColumn("Order")
            .AddColumn("Channel")
            .AddColumn("Placed")
            .AddColumn("Customer")
            .AddColumn("Lines");
        foreach (var order in lookup.Orders)
        {
            table.AddRow(
                Markup.Escape(order.Number),
                Markup.Escape(order.Channel),
                Markup.Escape(order.PlacedAt.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture)),
                Markup.Escape(order.CustomerEmail ?? "-"),
                Markup.Escape(string.Join('\n', order.Lines.Select(l => $"{l.LineId}: {l.Quantity} x {l.Sku}"))));
        }

        console.Write(table);
        if (lookup.Return is { } found)
        {
            console.MarkupLine(Markup.Escape(
                $"Return {found.Rma} ({found.State}): {string.Join(", ", found.Lines.Select(l => $"{l.Quantity} x {l.Sku}"))}. Complete it with --order {lookup.Orders[0].Number} --rma {found.Rma}."));
        }
    }
}
