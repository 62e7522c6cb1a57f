namespace Returns.Sdk.Orders;

/// <summary>
/// Where the SDK reads orders: the retailer's e-commerce platform or order management system. Implementations answer
/// from the platform of record and never cache refunds or returned quantities the SDK tracks itself.
/// </summary>
public interface IOrderSource
{
    /// <summary>Finds an order by the number customers see.</summary>
    /// <param name="orderNumber">The order number, as typed or scanned.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The order, or <see langword="null"/> when there is none.</returns>
    Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Finds a customer's orders by e-mail address, newest first.</summary>
    /// <param name="email">The e-mail address, compared case-insensitively.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The orders; empty when there are none.</returns>
    Task<IReadOnlyList<Order>> FindByCustomerEmailAsync(string email, CancellationToken cancellationToken = default);
}
