namespace Returns.Sdk.Lifecycle;

/// <summary>What a customer asks to send back: the lines and, when already chosen, how they travel.</summary>
/// <param name="CustomerId">The customer whose orders the lines belong to.</param>
/// <param name="Lines">The lines; each order line at most once.</param>
public sealed record NewReturn(string CustomerId, IReadOnlyList<ReturnRequestLine> Lines)
{
    /// <summary>How the customer sends the items.</summary>
    public ReturnMethod? Method { get; init; }

    /// <summary>The carrier adapter that will carry the parcel.</summary>
    public string? CarrierId { get; init; }

    /// <summary>The carrier service.</summary>
    public string? ServiceCode { get; init; }

    /// <summary>The warehouse the parcel goes to.</summary>
    public string? WarehouseId { get; init; }

    /// <summary>The store where the customer hands the items in.</summary>
    public string? StoreId { get; init; }

    /// <summary>When the items are expected, if the option engine said.</summary>
    public DateTimeOffset? ExpectedArrival { get; init; }

    /// <summary>How the customer asked to be paid back; the policy must allow it for every line.</summary>
    public RefundTypes Resolution { get; init; } = RefundTypes.OriginalPayment;

    /// <summary>What the customer takes in exchange, when <see cref="Resolution"/> is <see cref="RefundTypes.Exchange"/>.</summary>
    public IReadOnlyList<Refunds.ExchangeItem> ExchangeItems { get; init; } = [];

    /// <summary>The store's record, for a return created at a store desk.</summary>
    public StoreHandling? StoreHandling { get; init; }

    /// <summary>The idempotency key of the confirmation creating the return; see <see cref="ReturnRequest.ConfirmationKey"/>.</summary>
    public string? ConfirmationKey { get; init; }
}
