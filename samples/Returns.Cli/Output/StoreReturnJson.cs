using Returns.Sdk;
using Returns.Sdk.Refunds;
using Returns.Sdk.Serialization;
using Returns.Sdk.StoreReturns;

namespace Returns.Cli.Output;

/// <summary>
/// The JSON shape of <c>returns store-return --format json</c> (documented in docs/cli.md), also what the table is drawn
/// from. Amounts are numbers in <see cref="Currency"/>; states, dispositions, channels and tender kinds are snake_case.
/// </summary>
/// <param name="DryRun">True when only previewed: nothing was recorded or paid, and <see cref="Rma"/> and <see cref="State"/> are null unless <c>--rma</c> named a portal return.</param>
/// <param name="Repeated">True when this key had already been processed: the stored return is shown and nothing new was recorded or paid.</param>
/// <param name="Rma">The return's number.</param>
/// <param name="State">The return's state, e.g. <c>refunded</c> or <c>exchanged</c>.</param>
/// <param name="OrderNumber">The web order.</param>
/// <param name="StoreId">The store that handled it.</param>
/// <param name="AssociateId">The associate who processed it.</param>
/// <param name="Resolution">How the customer is paid back: <c>original_payment</c>, <c>store_credit</c> or <c>exchange</c>.</param>
/// <param name="At">The clock's reading when the command ran.</param>
/// <param name="IdempotencyKey">The key of this confirmation (given with <c>--key</c> or derived).</param>
/// <param name="Database">The SQLite file.</param>
/// <param name="Currency">The order's currency.</param>
/// <param name="Items">Each scanned item's grade and destination.</param>
/// <param name="Refunds">One refund per order.</param>
/// <param name="RefundTotal">What is paid back to the customer's tenders, over all refunds.</param>
/// <param name="AmountDue">What the customer pays at the till for an exchange worth more than the return.</param>
/// <param name="BookedTo">The sales channel the refund is booked against: the one that sold the items.</param>
/// <param name="HandledAt">The store that handled the return.</param>
internal sealed record StoreReturnJson(
    bool DryRun,
    bool Repeated,
    string? Rma,
    string? State,
    string OrderNumber,
    string StoreId,
    string AssociateId,
    string Resolution,
    DateTimeOffset At,
    string IdempotencyKey,
    DatabaseJson Database,
    string Currency,
    IReadOnlyList<StoreReturnItemJson> Items,
    IReadOnlyList<StoreRefundJson> Refunds,
    decimal RefundTotal,
    decimal AmountDue,
    string BookedTo,
    string HandledAt)
{
    /// <summary>Maps a processed store return.</summary>
    /// <param name="receipt">The desk's receipt.</param>
    /// <param name="order">The order returned.</param>
    /// <param name="run">What the command was asked and where it keeps returns.</param>
    /// <param name="repeated">Whether the key had been processed before.</param>
    /// <returns>The DTO.</returns>
    public static StoreReturnJson From(StoreReturnReceipt receipt, Order order, StoreReturnRun run, bool repeated)
    {
        var refunds = receipt.Refunds.Select(r => StoreRefundJson.From(r)).ToList();
        return Create(run, order, repeated, receipt.Return.Rma.Value, Names.SnakeCase(receipt.Return.State.ToString()), receipt.Lines, refunds);
    }

    /// <summary>Maps a preview: what the store return would come to.</summary>
    /// <param name="preview">The desk's preview.</param>
    /// <param name="order">The order returned.</param>
    /// <param name="run">What the command was asked and where it keeps returns.</param>
    /// <returns>The DTO.</returns>
    public static StoreReturnJson From(StoreReturnPreview preview, Order order, StoreReturnRun run)
    {
        // A preview records nothing, so its refunds have no id or status yet; the desk books them like a processed one.
        var refunds = preview.Refunds.Select(c => StoreRefundJson.From(c, order.Number, order.Channel, run.StoreId)).ToList();
        return Create(run, order, repeated: false, run.Rma, null, preview.Lines, refunds);
    }

    private static StoreReturnJson Create(StoreReturnRun run, Order order, bool repeated, string? rma, string? state, IReadOnlyList<StoreReturnLine> lines, List<StoreRefundJson> refunds) => new(
        run.DryRun,
        repeated,
        rma,
        state,
        order.Number,
        run.StoreId,
        run.AssociateId,
        run.Resolution,
        run.At,
        run.Key,
        new DatabaseJson(run.DatabasePath, run.DatabaseCreated),
        order.Currency.Code,
        [.. lines.Select(StoreReturnItemJson.From)],
        refunds,
        refunds.Sum(r => r.Payout),
        refunds.Sum(r => r.AmountDue),
        refunds.FirstOrDefault()?.BookedTo ?? order.Channel.ToName(),
        refunds.FirstOrDefault()?.HandledAt ?? run.StoreId);
}

/// <summary>What the command was asked, for the output.</summary>
/// <param name="DryRun">Only previewed.</param>
/// <param name="StoreId">The store.</param>
/// <param name="AssociateId">The associate.</param>
/// <param name="Resolution">The resolution's snake_case name.</param>
/// <param name="Rma">The portal return completed, when <c>--rma</c> named one.</param>
/// <param name="At">The clock's reading.</param>
/// <param name="Key">The idempotency key.</param>
/// <param name="DatabasePath">The SQLite file.</param>
/// <param name="DatabaseCreated">Whether this run created it.</param>
internal sealed record StoreReturnRun(bool DryRun, string StoreId, string AssociateId, string Resolution, string? Rma, DateTimeOffset At, string Key, string DatabasePath, bool DatabaseCreated);

/// <summary>Where the returns are kept.</summary>
/// <param name="Path">The SQLite file's full path.</param>
/// <param name="Created">True when this run created the file.</param>
internal sealed record DatabaseJson(string Path, bool Created);

/// <summary>One scanned item in JSON.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Sku">The SKU.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Grade">The inspected grade, <c>A</c> to <c>X</c>.</param>
/// <param name="Disposition">Where the items go, e.g. <c>restock_as_new</c>; null when no site can take them.</param>
/// <param name="SiteId">The store (kept) or warehouse (sent on) carrying out the disposition.</param>
/// <param name="KeptInStore">True when the store keeps the items in its own stock.</param>
/// <param name="DeductionPercent">The share of the refund withheld because of the condition.</param>
/// <param name="Explanation">Why, in words for the customer.</param>
internal sealed record StoreReturnItemJson(string LineId, string Sku, int Quantity, string Grade, string? Disposition, string SiteId, bool KeptInStore, decimal DeductionPercent, string Explanation)
{
    /// <summary>Maps a line.</summary>
    /// <param name="line">The desk's line.</param>
    /// <returns>The DTO.</returns>
    public static StoreReturnItemJson From(StoreReturnLine line) => new(
        line.LineId,
        line.Sku,
        line.Quantity,
        line.Grade.ToString(),
        line.Disposition is { } disposition ? Names.SnakeCase(disposition.ToString()) : null,
        line.SiteId,
        line.KeptInStore,
        line.DeductionPercent,
        line.Explanation);
}

/// <summary>One order's refund in JSON.</summary>
/// <param name="RefundId">The refund's id; null in a dry run.</param>
/// <param name="OrderNumber">The order refunded.</param>
/// <param name="Status"><c>pending</c>, <c>succeeded</c> or <c>failed</c>; null in a dry run.</param>
/// <param name="Total">The value of what came back: lines plus shipping minus the return fee.</param>
/// <param name="ReturnFee">The return method's fee deducted.</param>
/// <param name="StoreCreditBonus">The bonus added to store credit.</param>
/// <param name="ExchangeValue">The value of the products taken in exchange.</param>
/// <param name="AmountDue">What the customer still pays for the exchange.</param>
/// <param name="Payout">What is paid back, the sum of <paramref name="Tenders"/>.</param>
/// <param name="Tenders">How it is paid back.</param>
/// <param name="BookedTo">The sales channel it is booked against.</param>
/// <param name="HandledAt">The store that handled the return.</param>
/// <param name="GatewayReference">The payment platform's reference, once confirmed.</param>
internal sealed record StoreRefundJson(
    string? RefundId,
    string OrderNumber,
    string? Status,
    decimal Total,
    decimal ReturnFee,
    decimal StoreCreditBonus,
    decimal ExchangeValue,
    decimal AmountDue,
    decimal Payout,
    IReadOnlyList<TenderRefundJson> Tenders,
    string BookedTo,
    string HandledAt,
    string? GatewayReference)
{
    /// <summary>Maps a recorded refund.</summary>
    /// <param name="record">The refund as stored with the return.</param>
    /// <returns>The DTO.</returns>
    public static StoreRefundJson From(RefundRecord record) =>
        From(record.Calculation, record.OrderNumber, record.BookedTo, record.HandledAtStoreId ?? string.Empty) with
        {
            RefundId = record.RefundId,
            Status = Names.SnakeCase(record.Status.ToString()),
            GatewayReference = record.GatewayReference,
        };

    /// <summary>Maps a calculated refund that has not been recorded.</summary>
    /// <param name="calculation">The amounts.</param>
    /// <param name="orderNumber">The order.</param>
    /// <param name="bookedTo">The channel it would be booked against.</param>
    /// <param name="handledAt">The store handling it.</param>
    /// <returns>The DTO.</returns>
    public static StoreRefundJson From(RefundCalculation calculation, string orderNumber, SalesChannel bookedTo, string handledAt) => new(
        null,
        orderNumber,
        null,
        calculation.Total.Amount,
        calculation.ReturnFee.Amount,
        calculation.StoreCreditBonus.Amount,
        calculation.ExchangeValue.Amount,
        calculation.AmountDue.Amount,
        calculation.Payout.Amount,
        [.. calculation.Tenders.Select(t => new TenderRefundJson(t.Kind.ToName(), t.Reference, t.Amount.Amount))],
        bookedTo.ToName(),
        handledAt,
        null);
}

/// <summary>What one tender gets back.</summary>
/// <param name="Kind">For example <c>card</c>, <c>gift_card</c> or <c>store_credit</c>.</param>
/// <param name="Reference">The original tender's reference at the payment provider; null for new store credit.</param>
/// <param name="Amount">The amount.</param>
internal sealed record TenderRefundJson(string Kind, string? Reference, decimal Amount);
