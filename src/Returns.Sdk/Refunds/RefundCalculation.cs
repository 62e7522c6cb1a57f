namespace Returns.Sdk.Refunds;

/// <summary>
/// A refund to the cent: per line, shipping, fees, and how it is paid back. <see cref="Total"/> equals the sum of the
/// lines' amounts plus <see cref="Shipping"/> minus <see cref="ReturnFee"/>; the tenders add up to <see cref="Payout"/>.
/// </summary>
public sealed record RefundCalculation
{
    internal RefundCalculation(Currency currency, RefundTypes resolution, IReadOnlyList<RefundLine> lines, Money shipping, Money returnFee, IReadOnlyList<TenderRefund> tenders)
    {
        Currency = currency;
        Resolution = resolution;
        Lines = lines;
        Shipping = shipping;
        ReturnFee = returnFee;
        Tenders = tenders;
        var lineTotal = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Amount);
        Total = lineTotal + shipping - returnFee;
        Tax = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Tax);
        RestockingFees = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.RestockingFee);
        Deductions = lines.Aggregate(Money.Zero(currency), (sum, line) => sum + line.Deduction);
        Payout = tenders.Aggregate(Money.Zero(currency), (sum, tender) => sum + tender.Amount);
        StoreCreditBonus = Money.Zero(currency);
        ExchangeValue = Money.Zero(currency);
        AmountDue = Money.Zero(currency);
    }

    /// <summary>The order's currency.</summary>
    public Currency Currency { get; }

    /// <summary>How the customer is paid back.</summary>
    public RefundTypes Resolution { get; }

    /// <summary>The returned lines.</summary>
    public IReadOnlyList<RefundLine> Lines { get; }

    /// <summary>Original shipping refunded.</summary>
    public Money Shipping { get; }

    /// <summary>The return method's fee deducted (after any cap).</summary>
    public Money ReturnFee { get; }

    /// <summary>The restocking fees deducted, summed over the lines.</summary>
    public Money RestockingFees { get; }

    /// <summary>What inspection withheld, summed over the lines.</summary>
    public Money Deductions { get; }

    /// <summary>The tax contained in the refunded lines.</summary>
    public Money Tax { get; }

    /// <summary>The value the customer is owed for what came back: lines plus shipping minus the return fee.</summary>
    public Money Total { get; }

    /// <summary>The bonus added to store credit.</summary>
    public Money StoreCreditBonus { get; init; }

    /// <summary>The value of the items taken in exchange.</summary>
    public Money ExchangeValue { get; init; }

    /// <summary>What the customer still has to pay when the exchange is worth more than the return.</summary>
    public Money AmountDue { get; init; }

    /// <summary>What is paid out, summed over <see cref="Tenders"/>.</summary>
    public Money Payout { get; }

    /// <summary>The tenders paid back: the original tenders in the configured order, or new store credit.</summary>
    public IReadOnlyList<TenderRefund> Tenders { get; }
}
