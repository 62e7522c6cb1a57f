using System.Collections.Concurrent;

namespace Returns.Sdk.Orders;

/// <summary>Orders held in memory: for tests, demos and the CLI's bundled data.</summary>
public sealed class InMemoryOrderSource : IOrderSource
{
    private readonly ConcurrentDictionary<string, Order> _orders = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the source.</summary>
    /// <param name="orders">The orders; order numbers are compared case-insensitively and must be unique.</param>
    public InMemoryOrderSource(params IEnumerable<Order> orders)
    {
        ArgumentNullException.ThrowIfNull(orders);
        foreach (var order in orders)
        {
            Add(order);
        }
    }

    /// <summary>Adds an order.</summary>
    /// <param name="order">The order.</param>
    /// <exception cref="ArgumentException">An order with that number is already held.</exception>
    public void Add(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (!_orders.TryAdd(order.Number.Trim(), order))
        {
            throw new ArgumentException($"Order '{order.Number}' is already held.", nameof(order));
        }
    }

    /// <inheritdoc />
    public Task<Order?> FindAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return Task.FromResult(_orders.GetValueOrDefault(orderNumber.Trim()));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Order>> FindByCustomerEmailAsync(string email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        var wanted = email.Trim();
        IReadOnlyList<Order> found = [.. _orders.Values
            .Where(o => string.Equals(o.Customer.Email?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(o => o.PlacedAt)];
        return Task.FromResult(found);
    }
}
