namespace Returns.Sdk;

/// <summary>One line of an order: a SKU, how many, and what was paid for it.</summary>
public sealed record OrderLine
{
    /// <summary>Creates an order line.</summary>
    /// <param name="lineId">The line's identifier, unique within the order.</param>
    /// <param name="sku">The stock-keeping unit.</param>
    /// <param name="quantity">Units bought, at least 1.</param>
    /// <param name="unitPrice">Price of one unit before discounts, not negative.</param>
    /// <param name="product">What the product is.</param>
    /// <exception cref="ArgumentException">An identifier is blank, the quantity is below 1, or the price is negative.</exception>
    public OrderLine(string lineId, string sku, int quantity, Money unitPrice, ProductAttributes product)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(lineId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sku);
        ArgumentNullException.ThrowIfNull(product);
        if (quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"Line '{lineId}': quantity must be at least 1.");
        }

        if (unitPrice.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(unitPrice), unitPrice, $"Line '{lineId}': unit price must not be negative.");
        }

        LineId = lineId;
        Sku = sku;
        Quantity = quantity;
        UnitPrice = unitPrice;
        Product = product;
        Gross = unitPrice * quantity;
        Net = Gross;
        Discount = Money.Zero(unitPrice.Currency);
        Tax = Money.Zero(unitPrice.Currency);
    }

    /// <summary>The line's identifier, unique within the order.</summary>
    public string LineId { get; }

    /// <summary>The stock-keeping unit.</summary>
    public string Sku { get; }

    /// <summary>Units bought.</summary>
    public int Quantity { get; }

    /// <summary>Price of one unit before discounts.</summary>
    public Money UnitPrice { get; }

    /// <summary>What the product is.</summary>
    public ProductAttributes Product { get; }

    /// <summary>Discount on the whole line (all units), not negative and not above the line's gross price.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, above the gross price, or in another currency.</exception>
    public Money Discount
    {
        get;
        init
        {
            if (value.Currency != UnitPrice.Currency || value.IsNegative || value.Amount > UnitPrice.Amount * Quantity)
            {
                throw new ArgumentOutOfRangeException(nameof(Discount), value, $"Line '{LineId}': the discount must be in {UnitPrice.Currency}, not negative, and at most the line's gross price {Gross}.");
            }

            field = value;
            Net = Gross - value;
        }
    }

    /// <summary>Tax on the whole line (all units), in the order's currency; included in or added to the price as the order says.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or in another currency.</exception>
    public Money Tax
    {
        get;
        init
        {
            if (value.Currency != UnitPrice.Currency || value.IsNegative)
            {
                throw new ArgumentOutOfRangeException(nameof(Tax), value, $"Line '{LineId}': tax must be in {UnitPrice.Currency} and not negative.");
            }

            field = value;
        }
    }

    /// <summary>Unit price times quantity, before discount.</summary>
    public Money Gross { get; }

    /// <summary>What was paid for the line after its discount.</summary>
    public Money Net { get; private init; }

    /// <summary>What one unit cost after its share of the line discount, unrounded.</summary>
    public Money NetUnitPrice => new(Net.Amount / Quantity, Net.Currency);
}
