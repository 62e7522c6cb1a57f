namespace Returns.Sdk;

/// <summary>How part of an order was paid.</summary>
public enum TenderKind
{
    /// <summary>Credit or debit card.</summary>
    Card,

    /// <summary>A wallet such as PayPal, Apple Pay or Google Pay.</summary>
    Wallet,

    /// <summary>A gift card.</summary>
    GiftCard,

    /// <summary>Store credit held by the retailer.</summary>
    StoreCredit,

    /// <summary>Bank transfer or direct debit.</summary>
    BankTransfer,

    /// <summary>Cash, on delivery or at a till.</summary>
    Cash,

    /// <summary>Any other means of payment.</summary>
    Other,
}

/// <summary>One payment towards an order.</summary>
public sealed record Tender
{
    /// <summary>Creates a tender.</summary>
    /// <param name="kind">How it was paid.</param>
    /// <param name="amount">How much was paid, above zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero or negative, or the kind is undefined.</exception>
    public Tender(TenderKind kind, Money amount)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown tender kind.");
        }

        if (amount.Amount <= 0m)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A tender amount must be above zero.");
        }

        Kind = kind;
        Amount = amount;
    }

    /// <summary>How it was paid.</summary>
    public TenderKind Kind { get; }

    /// <summary>How much was paid.</summary>
    public Money Amount { get; }

    /// <summary>The payment provider's reference (a PSP transaction id), used to refund to the same tender.</summary>
    public string? Reference { get; init; }
}
