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
    /// <summary>What the store sold during the visit: exchange items and any upsell.</summary>
    public IReadOnlyList<StoreSale> Sales { get; init; } = [];

    /// <summary>Identifies the desk visit (its idempotency key), so that a confirmation sent again finds its return.</summary>
    public string? VisitId { get; init; }
}

/// <summary>A sale a store made while handling a return.</summary>
/// <param name="Sku">The SKU sold.</param>
/// <param name="Quantity">Units.</param>
/// <param name="Amount">What the customer paid for them at the store (zero for an even exchange).</param>
/// <param name="IsExchange">True for items handed over in exchange; false for an upsell.</param>
public sealed record StoreSale(string Sku, int Quantity, Money Amount, bool IsExchange);
