using Returns.Sdk.Policy;

namespace Returns.Sdk.Refunds;

/// <summary>Everything the refund calculator needs; amounts are in the order's currency.</summary>
/// <param name="Order">The order the items come from.</param>
/// <param name="Items">The units refunded now; each order line at most once.</param>
public sealed record RefundCalculationRequest(Order Order, IReadOnlyList<RefundItem> Items)
{
    /// <summary>What earlier refunds of the order paid back.</summary>
    public RefundHistory History { get; init; } = RefundHistory.None;

    /// <summary>How the customer is paid back: <see cref="RefundTypes.OriginalPayment"/>, <see cref="RefundTypes.StoreCredit"/> or <see cref="RefundTypes.Exchange"/>.</summary>
    public RefundTypes Resolution { get; init; } = RefundTypes.OriginalPayment;

    /// <summary>The return method's fee, deducted from the refund; none when <see langword="null"/>.</summary>
    public Money? ReturnFee { get; init; }

    /// <summary>The most the customer pays in fees (return fee plus restocking fees); no cap when <see langword="null"/>.</summary>
    public Money? FeeCap { get; init; }

    /// <summary>When the order's shipping is refunded too.</summary>
    public OriginalShippingRefund OriginalShipping { get; init; }

    /// <summary>True when the retailer is at fault for this return (the reason's fault).</summary>
    public bool RetailerAtFault { get; init; }

    /// <summary>The bonus on store credit, 0–100 %.</summary>
    public decimal StoreCreditBonusPercent { get; init; }

    /// <summary>The order in which the original tenders are refunded; kinds not listed come last, in the order's order.</summary>
    public IReadOnlyList<TenderKind> TenderOrder { get; init; } = RefundCalculator.DefaultTenderOrder;

    /// <summary>The items taken in exchange, for <see cref="RefundTypes.Exchange"/>.</summary>
    public IReadOnlyList<ExchangeItem> ExchangeItems { get; init; } = [];

    /// <summary>
    /// A request whose fees, shipping rule, store-credit bonus and tender order come from the policy's evaluation of
    /// these very items. The resolution must be allowed for every line.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="items">The units refunded now.</param>
    /// <param name="evaluation">The policy's evaluation of the return.</param>
    /// <param name="method">How the items came back; its fee is deducted.</param>
    /// <param name="resolution">How the customer is paid back.</param>
    /// <param name="retailerAtFault">True when a line's reason puts the fault on the retailer.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ReturnsValidationException">A line is not returnable, or the resolution is not allowed for it.</exception>
    public static RefundCalculationRequest FromPolicy(Order order, IReadOnlyList<RefundItem> items, PolicyEvaluation evaluation, ReturnMethod method, RefundTypes resolution, bool retailerAtFault)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(evaluation);
        var errors = new List<ValidationError>();
        var priced = new List<RefundItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var decision = evaluation.Lines.FirstOrDefault(l => string.Equals(l.LineId, item.LineId, StringComparison.Ordinal));
            if (decision is not { IsReturnable: true })
            {
                errors.Add(new ValidationError($"items[{i}].lineId", $"line '{item.LineId}' is not returnable under the policy ({decision?.Message ?? "not evaluated"})."));
                continue;
            }

            if ((decision.RefundTypes & resolution) == 0)
            {
                errors.Add(new ValidationError("resolution", $"{resolution} is not allowed for line '{item.LineId}'; the policy allows {decision.RefundTypes}."));
                continue;
            }

            var fee = decision.RequestedQuantity > 0 && decision.RestockingFee.Amount > 0m
                ? decision.RestockingFee.Multiply(Math.Min(item.Quantity, decision.RequestedQuantity) / (decimal)decision.RequestedQuantity).Round()
                : (Money?)null;
            priced.Add(item with { RestockingFee = fee });
        }

        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        var fees = evaluation.FeeFor(method) ?? throw new ReturnsValidationException("method", $"the policy does not offer {method} for this return.");
        var terms = evaluation.Refunds;
        return new RefundCalculationRequest(order, priced)
        {
            Resolution = resolution,
            ReturnFee = fees.Fee,
            FeeCap = fees.Capped ? fees.Total : null,
            OriginalShipping = terms.OriginalShipping,
            RetailerAtFault = retailerAtFault,
            StoreCreditBonusPercent = evaluation.StoreCreditBonusPercent,
            TenderOrder = terms.TenderOrder,
        };
    }
}
