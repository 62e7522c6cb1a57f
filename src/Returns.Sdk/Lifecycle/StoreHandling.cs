namespace Returns.Sdk.Lifecycle;

/// <summary>
/// The store's record of a return it handled: who took it in, and what it sold during the visit. The refund itself is
/// booked against the channel that sold the items (<see cref="Refunds.RefundRecord.BookedTo"/>), not against the store.
/// </summary>
/// <param name="StoreId">The store.</param>
/// <param name="AssociateId">The associate who processed it.</param>
/// <param name="HandledAt">When.</param>
public sealed record StoreHandling(string StoreId, string AssociateId, DateTimeOffset HandledAt)
{
    /// <summary>The store.</summary>
    public string StoreId { get; init; } = Required(StoreId, nameof(StoreId));

    /// <summary>The associate who processed it.</summary>
    public string AssociateId { get; init; } = Required(AssociateId, nameof(AssociateId));

    /// <summary>What the store sold during the visit: exchange items and any upsell.</summary>
    public IReadOnlyList<StoreSale> Sales { get; init; } = [];

    /// <summary>Identifies the desk visit (its idempotency key), so that a confirmation sent again finds its return.</summary>
    public string? VisitId { get; init; }

    private static string Required(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value;
    }
}

/// <summary>A sale a store made while handling a return.</summary>
/// <param name="Sku">The SKU sold.</param>
/// <param name="Quantity">Units; at least one.</param>
/// <param name="Amount">What the customer paid for them at the store (zero for an even exchange); not negative.</param>
/// <param name="IsExchange">True for items handed over in exchange; false for an upsell.</param>
public sealed record StoreSale(string Sku, int Quantity, Money Amount, bool IsExchange)
{
    /// <summary>The SKU sold.</summary>
    public string Sku { get; init; } = !string.IsNullOrWhiteSpace(Sku) ? Sku : throw new ArgumentException("A sale needs a SKU.", nameof(Sku));

    /// <summary>Units.</summary>
    public int Quantity { get; init; } = Quantity >= 1 ? Quantity : throw new ArgumentOutOfRangeException(nameof(Quantity), Quantity, $"Sale of '{Sku}': the quantity must be at least 1.");

    /// <summary>What the customer paid for them at the store.</summary>
    public Money Amount { get; init; } = !Amount.IsNegative ? Amount : throw new ArgumentOutOfRangeException(nameof(Amount), Amount, $"Sale of '{Sku}': the amount must not be negative.");
}
