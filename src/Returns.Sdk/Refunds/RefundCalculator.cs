using Returns.Sdk.Refunds.Internal;

namespace Returns.Sdk.Refunds;

/// <summary>
/// Computes refunds to the cent. Pure and deterministic: the same request always gives the same result, and no
/// sequence of partial refunds of one order pays back more than the order cost.
/// </summary>
/// <remarks>
/// Each line's price, discounts (its own and its share of the order discount, prorated by net price) and tax are split
/// into per-unit shares in minor units, the first units taking the remainder cents. A refund of <c>k</c> units after
/// <c>j</c> were refunded pays the shares of units <c>j+1…j+k</c>, so the units of a line add up exactly to what was paid
/// for it whatever the order of the returns.
/// </remarks>
public static class RefundCalculator
{
    /// <summary>
    /// The default order for refunding original tenders: store credit and gift cards first, then wallets, cards, bank
    /// transfers, cash and anything else. Paying back stored value first keeps a partial return from turning a gift card
    /// into cash on a card.
    /// </summary>
    public static IReadOnlyList<TenderKind> DefaultTenderOrder { get; } =
        [TenderKind.StoreCredit, TenderKind.GiftCard, TenderKind.Wallet, TenderKind.Card, TenderKind.BankTransfer, TenderKind.Cash, TenderKind.Other];

    /// <summary>Calculates a refund.</summary>
    /// <param name="request">The order, the items and the terms.</param>
    /// <returns>The refund.</returns>
    /// <exception cref="ReturnsValidationException">An item names an unknown line or more units than remain, the terms are out of range, or the tenders cannot cover the refund; every error is reported with its path.</exception>
    /// <exception cref="CurrencyMismatchException">A fee or exchange price is not in the order's currency.</exception>
    public static RefundCalculation Calculate(RefundCalculationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Order);
        ArgumentNullException.ThrowIfNull(request.Items);
        return new RefundComputation(request).Run();
    }
}
