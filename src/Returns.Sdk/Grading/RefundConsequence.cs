using System.Globalization;

namespace Returns.Sdk.Grading;

/// <summary>What happens to a line's refund.</summary>
public enum RefundAction
{
    /// <summary>The customer gets the full amount back.</summary>
    FullRefund,

    /// <summary>A percentage of the amount is kept back.</summary>
    Deduction,

    /// <summary>No refund; the retailer may send the item back or keep it under its terms.</summary>
    Rejection,
}

/// <summary>The refund a returned line earns after inspection: full, less a percentage, or none.</summary>
public sealed record RefundConsequence
{
    private RefundConsequence(RefundAction action, decimal deductionPercent)
    {
        Action = action;
        DeductionPercent = deductionPercent;
    }

    /// <summary>The full amount is refunded.</summary>
    public static RefundConsequence FullRefund { get; } = new(RefundAction.FullRefund, 0m);

    /// <summary>Nothing is refunded.</summary>
    public static RefundConsequence Rejection { get; } = new(RefundAction.Rejection, 0m);

    /// <summary>What is done.</summary>
    public RefundAction Action { get; }

    /// <summary>The share kept back, in percent, for <see cref="RefundAction.Deduction"/>; zero otherwise.</summary>
    public decimal DeductionPercent { get; }

    /// <summary>A refund less a percentage.</summary>
    /// <param name="percent">The share kept back: above 0 and below 100.</param>
    /// <returns>The consequence.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The percentage is not above 0 and below 100.</exception>
    public static RefundConsequence Deduction(decimal percent) =>
        percent is > 0m and < 100m
            ? new(RefundAction.Deduction, percent)
            : throw new ArgumentOutOfRangeException(nameof(percent), percent, "A deduction is above 0 and below 100 percent; use FullRefund or Rejection otherwise.");

    /// <summary>The amount to refund for a line the customer paid <paramref name="paid"/> for.</summary>
    /// <param name="paid">What the customer paid for the line; zero or more.</param>
    /// <returns>
    /// The full amount, the amount less the deduction (the deduction is rounded to the currency's minor unit, so the
    /// refund never exceeds what was paid), or zero.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public Money RefundOf(Money paid)
    {
        if (paid.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(paid), paid, "A paid amount cannot be negative.");
        }

        return Action switch
        {
            RefundAction.FullRefund => paid,
            RefundAction.Deduction => paid - (paid * (DeductionPercent / 100m)).Round(),
            _ => Money.Zero(paid.Currency),
        };
    }

    /// <summary>Describes the consequence, e.g. <c>deduct 15 %</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Action switch
    {
        RefundAction.FullRefund => "full refund",
        RefundAction.Deduction => string.Create(CultureInfo.InvariantCulture, $"deduct {DeductionPercent} %"),
        _ => "reject",
    };
}
