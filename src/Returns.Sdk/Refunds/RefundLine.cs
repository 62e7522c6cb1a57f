namespace Returns.Sdk.Refunds;

/// <summary>What one returned order line refunds.</summary>
/// <param name="LineId">The order line.</param>
/// <param name="Sku">Its SKU.</param>
/// <param name="Quantity">Units refunded.</param>
/// <param name="Paid">What the customer paid for these units: net of line and order discounts, tax included.</param>
/// <param name="Discount">The line and order discounts these units received.</param>
/// <param name="Tax">The tax in <paramref name="Paid"/>.</param>
/// <param name="RestockingFee">The restocking fee deducted.</param>
/// <param name="Deduction">What inspection withheld.</param>
/// <param name="Amount">Refunded for the line: <paramref name="Paid"/> minus <paramref name="RestockingFee"/> and <paramref name="Deduction"/>.</param>
public sealed record RefundLine(string LineId, string Sku, int Quantity, Money Paid, Money Discount, Money Tax, Money RestockingFee, Money Deduction, Money Amount);
