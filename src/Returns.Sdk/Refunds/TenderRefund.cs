namespace Returns.Sdk.Refunds;

/// <summary>The part of a refund paid back to one tender.</summary>
/// <param name="Kind">The tender: the original card, wallet or gift card, or new store credit.</param>
/// <param name="Reference">The original tender's reference at the payment provider; <see langword="null"/> for new store credit or an order without recorded tenders.</param>
/// <param name="Amount">The amount, above zero.</param>
public sealed record TenderRefund(TenderKind Kind, string? Reference, Money Amount);
