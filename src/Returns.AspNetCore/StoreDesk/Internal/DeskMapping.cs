using System.Text;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;
using Returns.Sdk.StoreReturns;

namespace Returns.AspNetCore.StoreDesk.Internal;

/// <summary>Turns request bodies into the SDK's store returns and the SDK's answers into the desk's wire shapes.</summary>
internal static class DeskMapping
{
    /// <summary>The most items one request may scan.</summary>
    public const int MaxItems = 50;

    private static readonly string[] PackagingNames = ["sealed", "opened", "missing"];
    private static readonly string[] UsageNames = ["none", "light", "heavy"];

    /// <summary>The store return the body describes, for the associate's store; or every problem with the body at once.</summary>
    public static StoreReturnRequest? ToRequest(DeskReturnBody body, DeskAssociate associate, List<ValidationError> errors)
    {
        if (string.IsNullOrWhiteSpace(body.OrderNumber))
        {
            errors.Add(new ValidationError("orderNumber", "give the order number; look it up by number, e-mail or the return's QR code."));
        }

        RmaNumber? rma = null;
        if (body.Rma is not null)
        {
            if (RmaNumber.TryParse(body.Rma, out var parsed))
            {
                rma = parsed;
            }
            else
            {
                errors.Add(new ValidationError("rma", "is not an RMA number; it reads like RMA-K952S-WA04M."));
            }
        }

        var resolution = body.Resolution switch
        {
            null or "original_payment" => RefundTypes.OriginalPayment,
            "store_credit" => RefundTypes.StoreCredit,
            _ => RefundTypes.None,
        };
        if (resolution == RefundTypes.None)
        {
            // Exchanges need the product handed over and its price; the desk page does not take them.
            errors.Add(new ValidationError("resolution", "must be original_payment or store_credit."));
        }

        var items = new List<StoreReturnItem>();
        if (body.Items is not { Count: > 0 })
        {
            errors.Add(new ValidationError("items", "scan at least one item."));
        }
        else if (body.Items.Count > MaxItems)
        {
            errors.Add(new ValidationError("items", $"at most {MaxItems} items per return; {body.Items.Count} sent."));
        }
        else
        {
            for (var i = 0; i < body.Items.Count; i++)
            {
                if (ToItem(body.Items[i], $"items[{i}]", errors) is { } item)
                {
                    items.Add(item);
                }
            }
        }

        return errors.Count > 0
            ? null
            : new StoreReturnRequest(body.OrderNumber!.Trim(), associate.StoreId, associate.AssociateId, items) { Rma = rma, Resolution = resolution };
    }

    public static LookupAnswer ToLookup(string query, StoreOrderLookup lookup, IReadOnlyDictionary<string, IReadOnlyList<ReturnRequest>> returnsByOrder) => new(
        query,
        [.. lookup.Orders.Select(o => ToOrder(o, returnsByOrder.GetValueOrDefault(o.Number) ?? []))],
        lookup.Return is { } found ? ToSummary(found) : null);

    public static PreviewAnswer ToPreview(StoreReturnRequest request, StoreReturnPreview preview) => new(
        request.OrderNumber,
        request.Rma?.Value,
        request.StoreId,
        request.Resolution.ToNames()[0],
        [.. preview.Lines.Select(ToLine)],
        [.. preview.Refunds.Select(c => ToRefund(c, null, null))]);

    public static ReceiptAnswer ToReceipt(StoreReturnRequest request, StoreReturnReceipt receipt) => new(
        receipt.Return.Rma.Value,
        SnakeCase(receipt.Return.State.ToString()),
        request.OrderNumber,
        receipt.Return.StoreHandling?.StoreId ?? request.StoreId,
        receipt.Return.StoreHandling?.AssociateId ?? request.AssociateId,
        receipt.Return.Resolution.ToNames() is [var first, ..] ? first : request.Resolution.ToNames()[0],
        [.. receipt.Lines.Select(ToLine)],
        [.. receipt.Refunds.Select(r => ToRefund(r.Calculation, r.RefundId, SnakeCase(r.Status.ToString())))]);

    /// <summary>A return the desk can still complete: not yet received, and not ended.</summary>
    public static bool IsOpen(ReturnState state) =>
        state is ReturnState.Requested or ReturnState.Authorized or ReturnState.LabelIssued or ReturnState.InTransit;

    /// <summary>Units of each line on returns that still hold them: everything but rejected, cancelled and expired returns.</summary>
    public static int UnitsOnReturns(IReadOnlyList<ReturnRequest> returns, string orderNumber, string lineId) => returns
        .Where(r => r.State is not (ReturnState.Rejected or ReturnState.Cancelled or ReturnState.Expired))
        .SelectMany(r => r.Lines)
        .Where(l => l.OrderNumber == orderNumber && l.LineId == lineId)
        .Sum(l => l.Quantity);

    /// <summary><c>LabelIssued</c> → <c>label_issued</c>: the SDK's spelling of enum values in files and JSON.</summary>
    public static string SnakeCase(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }

    private static StoreReturnItem? ToItem(DeskItemBody? body, string path, List<ValidationError> errors)
    {
        if (body is null)
        {
            errors.Add(new ValidationError(path, "must be an item."));
            return null;
        }

        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(body.Sku))
        {
            errors.Add(new ValidationError($"{path}.sku", "scan or type the item's SKU."));
        }

        if (string.IsNullOrWhiteSpace(body.ReasonCode))
        {
            errors.Add(new ValidationError($"{path}.reasonCode", "choose the customer's reason."));
        }

        var packaging = Array.IndexOf(PackagingNames, body.Packaging);
        if (packaging < 0)
        {
            errors.Add(new ValidationError($"{path}.packaging", "must be sealed, opened or missing."));
        }

        var usage = Array.IndexOf(UsageNames, body.SignsOfUse);
        if (usage < 0)
        {
            errors.Add(new ValidationError($"{path}.signsOfUse", "must be none, light or heavy."));
        }

        if (errors.Count > before)
        {
            return null;
        }

        var condition = new DeclaredCondition((PackagingState)packaging, (UsageLevel)usage) { TagsAttached = body.TagsAttached };
        return new StoreReturnItem(body.Sku!.Trim(), body.Quantity, body.ReasonCode!.Trim(), condition)
        {
            LineId = string.IsNullOrWhiteSpace(body.LineId) ? null : body.LineId.Trim(),
            MissingParts = body.MissingParts ?? false,
            ItemSwapped = body.ItemSwapped ?? false,
        };
    }

    private static DeskOrderAnswer ToOrder(Order order, IReadOnlyList<ReturnRequest> returns) => new(
        order.Number,
        order.Channel.ToName(),
        order.PlacedAt,
        order.Currency.Code,
        [.. order.Lines.Select(l => new DeskOrderLineAnswer(
            l.LineId,
            l.Sku,
            l.Product.Category,
            l.Quantity,
            Math.Max(0, l.Quantity - UnitsOnReturns(returns, order.Number, l.LineId)),
            l.UnitPrice.Amount))],
        [.. returns.Where(r => IsOpen(r.State)).OrderBy(r => r.CreatedAt).Select(ToSummary)]);

    private static DeskReturnSummary ToSummary(ReturnRequest found) => new(
        found.Rma.Value,
        found.OrderNumbers,
        SnakeCase(found.State.ToString()),
        IsOpen(found.State),
        found.Method?.ToName(),
        found.StoreId,
        found.CreatedAt,
        [.. found.Lines.Select(l => new DeskReturnLineAnswer(
            l.LineId,
            l.Sku,
            l.Quantity,
            l.ReasonCode,
            l.Condition is { } c ? PackagingNames[(int)c.Packaging] : null,
            l.Condition is { } u ? UsageNames[(int)u.SignsOfUse] : null))]);

    private static DeskLineAnswer ToLine(StoreReturnLine line) => new(
        line.LineId,
        line.Sku,
        line.Quantity,
        line.Grade.ToString(),
        line.Disposition is { } disposition ? SnakeCase(disposition.ToString()) : null,
        line.SiteId,
        line.KeptInStore,
        line.DeductionPercent,
        line.Explanation);

    private static DeskRefundAnswer ToRefund(RefundCalculation calculation, string? refundId, string? status) => new(
        refundId,
        status,
        calculation.Currency.Code,
        calculation.Total.Amount,
        calculation.ReturnFee.Amount,
        calculation.Deductions.Amount,
        calculation.Payout.Amount,
        calculation.AmountDue.Amount,
        [.. calculation.Tenders.Select(t => new DeskTenderAnswer(t.Kind.ToName(), t.Reference, t.Amount.Amount))]);
}
