using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Returns.Sdk;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;

namespace Refund.Gateway.Sample.Internal;

// The wire format of README.md, "The wire contract". Never exposed: a retailer changing the contract changes this file
// and the mapping below, and nothing in the SDK's model.
internal sealed record RefundTenderWire(string Kind, string Amount)
{
    public string? Reference { get; init; }
}

internal sealed record RefundRequestWire(string RefundId, string OrderNumber, string Rma, string BookedTo, string Currency, string Amount, IReadOnlyList<RefundTenderWire> Tenders)
{
    public string? HandledAtStoreId { get; init; }

    public string? AmountDue { get; init; }
}

internal sealed record RefundResponseWire(string? Id, string? Status);

// RFC 9457 problem details, plus the common "code" extension member. Title and detail are read but never used in
// messages or logs: platforms tend to echo the request (card digits, names) in them.
internal sealed record ProblemWire(string? Type, string? Title, int? Status, string? Detail, string? Code, JsonElement? Errors);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RefundRequestWire))]
[JsonSerializable(typeof(RefundResponseWire))]
[JsonSerializable(typeof(ProblemWire))]
internal sealed partial class RefundJsonContext : JsonSerializerContext;

internal static class RefundWire
{
    public static RefundRequestWire ToWire(RefundInstruction instruction)
    {
        if (instruction.Tenders.Count == 0)
        {
            throw new ArgumentException($"Refund '{instruction.RefundId}' has no tenders; there is nothing to pay.", nameof(instruction));
        }

        var total = instruction.Total; // Throws CurrencyMismatchException when the tenders mix currencies.
        var tenders = new List<RefundTenderWire>(instruction.Tenders.Count);
        for (var i = 0; i < instruction.Tenders.Count; i++)
        {
            var tender = instruction.Tenders[i];
            if (tender.Amount.Amount <= 0m)
            {
                throw new ArgumentException($"Refund '{instruction.RefundId}' tenders[{i}]: the amount must be above zero; got {tender.Amount}.", nameof(instruction));
            }

            tenders.Add(new RefundTenderWire(tender.Kind.ToName(), Amount(tender.Amount, instruction.RefundId, $"tenders[{i}]")) { Reference = tender.Reference });
        }

        return new RefundRequestWire(instruction.RefundId, instruction.OrderNumber, instruction.Rma, instruction.BookedTo.ToName(), total.Currency.Code, Amount(total, instruction.RefundId, "amount"), tenders)
        {
            HandledAtStoreId = instruction.HandledAtStoreId,
            AmountDue = instruction.AmountDue is { IsZero: false } due ? Amount(due, instruction.RefundId, "amount_due") : null,
        };
    }

    // A decimal string with exactly the currency's minor units ("12.30", "1500" for JPY, "1.250" for KWD): a JSON
    // number would be read as binary floating point by many platforms, and cents must arrive exact.
    private static string Amount(Money money, string refundId, string path)
    {
        if (!money.Currency.IsWhole(money.Amount))
        {
            throw new ArgumentException($"Refund '{refundId}' {path}: {money.Amount.ToString(CultureInfo.InvariantCulture)} {money.Currency.Code} has more decimals than the currency's {money.Currency.MinorUnits}; amounts are rounded before they are paid.", nameof(money));
        }

        return money.Amount.ToString("F" + money.Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }
}
