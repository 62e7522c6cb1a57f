namespace Returns.Sdk;

/// <summary>The customer who placed an order. Personal data here is never logged.</summary>
public sealed record Customer
{
    /// <summary>Creates a customer.</summary>
    /// <param name="id">The retailer's customer identifier.</param>
    /// <exception cref="ArgumentException">The identifier is blank.</exception>
    public Customer(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>The retailer's customer identifier.</summary>
    public string Id { get; }

    /// <summary>E-mail address, used to find an order.</summary>
    public string? Email { get; init; }

    /// <summary>Loyalty tier (e.g. <c>gold</c>) that policies may treat differently.</summary>
    public string? Tier { get; init; }
}
