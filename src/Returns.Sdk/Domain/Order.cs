namespace Returns.Sdk;

/// <summary>
/// An order as the retailer's platform knows it, mapped onto the SDK's model. Constructing one checks that it
/// is consistent: lines exist with unique ids, every amount is in the order's currency, delivery follows placement.
/// </summary>
public sealed record Order
{
    /// <summary>Creates an order.</summary>
    /// <param name="number">The order number customers see.</param>
    /// <param name="channel">Where it was sold.</param>
    /// <param name="currency">The currency it was paid in.</param>
    /// <param name="placedAt">When it was placed.</param>
    /// <param name="customer">Who placed it.</param>
    /// <param name="lines">What was bought; at least one line, unique line ids, all priced in <paramref name="currency"/>.</param>
    /// <exception cref="ArgumentException">Any of the consistency rules is broken.</exception>
    public Order(string number, SalesChannel channel, Currency currency, DateTimeOffset placedAt, Customer customer, IReadOnlyList<OrderLine> lines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(lines);
        if (!Enum.IsDefined(channel))
        {
            throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown sales channel.");
        }

        if (currency.IsDefault)
        {
            throw new ArgumentException("An order needs a currency.", nameof(currency));
        }

        if (lines.Count == 0)
        {
            throw new ArgumentException($"Order '{number}' has no lines.", nameof(lines));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? throw new ArgumentException($"Order '{number}': line {i} is null.", nameof(lines));
            if (!ids.Add(line.LineId))
            {
                throw new ArgumentException($"Order '{number}': line id '{line.LineId}' appears twice.", nameof(lines));
            }

            if (line.UnitPrice.Currency != currency)
            {
                throw new CurrencyMismatchException(currency, line.UnitPrice.Currency, $"Order '{number}' is in {currency} but line '{line.LineId}' is priced in {line.UnitPrice.Currency}.");
            }
        }

        Number = number;
        Channel = channel;
        Currency = currency;
        PlacedAt = placedAt;
        Customer = customer;
        Lines = [.. lines];
        ShippingPaid = Money.Zero(currency);
        OrderDiscount = Money.Zero(currency);
        Tenders = [];
    }

    /// <summary>The order number customers see.</summary>
    public string Number { get; }

    /// <summary>Where it was sold.</summary>
    public SalesChannel Channel { get; }

    /// <summary>The currency it was paid in.</summary>
    public Currency Currency { get; }

    /// <summary>When it was placed.</summary>
    public DateTimeOffset PlacedAt { get; }

    /// <summary>Who placed it.</summary>
    public Customer Customer { get; }

    /// <summary>What was bought.</summary>
    public IReadOnlyList<OrderLine> Lines { get; }

    /// <summary>When it was delivered; <see langword="null"/> while not delivered.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Before <see cref="PlacedAt"/>.</exception>
    public DateTimeOffset? DeliveredAt
    {
        get;
        init
        {
            if (value < PlacedAt)
            {
                throw new ArgumentOutOfRangeException(nameof(DeliveredAt), value, $"Order '{Number}' cannot be delivered ({value:O}) before it was placed ({PlacedAt:O}).");
            }

            field = value;
        }
    }

    /// <summary>Where it was delivered; decides the consumer law that applies.</summary>
    public Address? ShippingAddress { get; init; }

    /// <summary>True when line prices include tax (typical in the EU); false when tax is added on top.</summary>
    public bool PricesIncludeTax { get; init; } = true;

    /// <summary>Shipping the customer paid, in the order's currency.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative or in another currency.</exception>
    public Money ShippingPaid
    {
        get;
        init
        {
            if (value.Currency != Currency || value.IsNegative)
            {
                throw new ArgumentOutOfRangeException(nameof(ShippingPaid), value, $"Order '{Number}': shipping paid must be in {Currency} and not negative.");
            }

            field = value;
        }
    }

    /// <summary>
    /// A discount on the whole order (a voucher, a basket promotion), on top of the lines' own discounts; refunds
    /// prorate it over the lines by their net price. Zero when there is none.
    /// </summary>
    public Money OrderDiscount
    {
        get;
        init
        {
            var lineNet = Lines.Aggregate(0m, (sum, line) => sum + line.Net.Amount);
            if (value.Currency != Currency || value.IsNegative || value.Amount > lineNet)
            {
                throw new ArgumentOutOfRangeException(nameof(OrderDiscount), value, $"Order '{Number}': the order discount must be in {Currency}, not negative, and at most the lines' net total {new Money(lineNet, Currency)}.");
            }

            field = value;
        }
    }

    /// <summary>How the order was paid; refunds go back to these.</summary>
    /// <exception cref="ArgumentException">A tender is in another currency.</exception>
    public IReadOnlyList<Tender> Tenders
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value);
            foreach (var tender in value)
            {
                ArgumentNullException.ThrowIfNull(tender, nameof(Tenders));
                if (tender.Amount.Currency != Currency)
                {
                    throw new CurrencyMismatchException(Currency, tender.Amount.Currency, $"Order '{Number}' is in {Currency} but a {tender.Kind} tender is in {tender.Amount.Currency}.");
                }
            }

            field = [.. value];
        }
    }

    /// <summary>Finds a line by its id.</summary>
    /// <param name="lineId">The line id.</param>
    /// <returns>The line, or <see langword="null"/>.</returns>
    public OrderLine? FindLine(string lineId)
    {
        // Indexed rather than foreach: enumerating through IReadOnlyList boxes an enumerator on a hot path.
        for (var i = 0; i < Lines.Count; i++)
        {
            if (string.Equals(Lines[i].LineId, lineId, StringComparison.Ordinal))
            {
                return Lines[i];
            }
        }

        return null;
    }
}
