using System.Globalization;
using Returns.Sdk;
using Returns.Sdk.Policy;
using Returns.Sdk.Serialization;
using Spectre.Console;

namespace Returns.Cli.Output;

/// <summary>Renders a policy evaluation for people: a header, a table of line decisions, a table of method fees.</summary>
internal static class PolicyEvaluationTable
{
    /// <summary>Writes the evaluation to the console. Every value from the input is escaped, so a SKU like <c>[X]</c> prints as is.</summary>
    /// <param name="console">The console.</param>
    /// <param name="policy">The policy applied.</param>
    /// <param name="order">The order judged.</param>
    /// <param name="evaluation">The policy's answer.</param>
    public static void Write(IAnsiConsole console, ReturnPolicy policy, Order order, PolicyEvaluation evaluation)
    {
        console.MarkupLine(
            $"Order [bold]{Markup.Escape(order.Number)}[/]  policy {Markup.Escape(policy.PolicyId)} {Markup.Escape(evaluation.PolicyVersion)}  " +
            $"evaluated at {Markup.Escape(Instant(evaluation.EvaluatedAt))}");

        var lines = new Table()
            .Title("Lines")
            .AddColumn(new TableColumn("Line").NoWrap())
            .AddColumn(new TableColumn("SKU"))
            .AddColumn(new TableColumn("Returnable").NoWrap())
            .AddColumn(new TableColumn("Qty").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Code"))
            .AddColumn(new TableColumn("Last day"))
            .AddColumn(new TableColumn("Restocking fee").RightAligned())
            .AddColumn(new TableColumn("Refund types"))
            .AddColumn("Message");
        foreach (var line in evaluation.Lines)
        {
            lines.AddRow(
                Markup.Escape(line.LineId),
                Markup.Escape(line.Sku),
                line.IsReturnable ? "[green]yes[/]" : "[red]no[/]",
                line.ReturnableQuantity.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(line.Code.ToName()),
                Markup.Escape(Deadline(line)),
                Markup.Escape(Amount(line.RestockingFee)),
                Markup.Escape(line.RefundTypes == RefundTypes.None ? "-" : string.Join('\n', line.RefundTypes.ToNames())),
                Markup.Escape(line.Message));
        }

        console.Write(lines);

        var fees = new Table()
            .Title("Return methods")
            .AddColumn("Method")
            .AddColumn(new TableColumn("Fee").RightAligned())
            .AddColumn(new TableColumn("Restocking").RightAligned())
            .AddColumn(new TableColumn("Total").RightAligned())
            .AddColumn("Waived/capped");
        foreach (var fee in evaluation.MethodFees)
        {
            fees.AddRow(
                Markup.Escape(fee.Method.ToName()),
                Markup.Escape(Amount(fee.Fee)),
                Markup.Escape(Amount(fee.RestockingFees)),
                Markup.Escape(Amount(fee.Total)),
                Adjustments(fee));
        }

        console.Write(fees);

        if (evaluation.KeepIt)
        {
            console.MarkupLine("[bold]Keep it:[/] recovering the items would cost more than they are worth; refund without asking for them back.");
        }
    }

    private static string Instant(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    // A deadline only means something for a line the window decides; an excluded line has none worth showing.
    private static string Deadline(LineDecision line) =>
        line.LastDay is { } day && (line.IsReturnable || line.Code == PolicyDecisionCode.WindowExpired) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";

    private static string Amount(Money money) => money.ToString(null, CultureInfo.InvariantCulture);

    private static string Adjustments(MethodFee fee) => (fee.Waived, fee.Capped) switch
    {
        (true, true) => "waived, capped",
        (true, false) => "waived",
        (false, true) => "capped",
        _ => "-",
    };
}
