using Returns.Sdk.Refunds;

namespace Returns.Sdk.Lifecycle;

/// <summary>
/// A return (RMA): lines of one or more orders of one customer that travel back together, where the return stands
/// and how it travels. Immutable: every change makes a new instance with the next <see cref="Version"/>, written by
/// <see cref="IReturnStore.CommitAsync"/> only when nobody else changed the return meanwhile.
/// </summary>
public sealed record ReturnRequest
{
    /// <summary>Creates a return in <see cref="ReturnState.Requested"/> at version 1.</summary>
    /// <param name="rma">Its number.</param>
    /// <param name="customerId">The customer whose orders the lines belong to.</param>
    /// <param name="lines">At least one line; each order line at most once.</param>
    /// <param name="createdAt">When it was requested.</param>
    /// <exception cref="ArgumentException">No lines, a repeated order line, an empty customer or a default RMA number.</exception>
    public ReturnRequest(RmaNumber rma, string customerId, IReadOnlyList<ReturnRequestLine> lines, DateTimeOffset createdAt)
    {
        if (rma == default)
        {
            throw new ArgumentException("A return needs an RMA number.", nameof(rma));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw new ArgumentException("A return has at least one line.", nameof(lines));
        }

        var seen = new HashSet<(string, string)>();
        foreach (var line in lines)
        {
            ArgumentNullException.ThrowIfNull(line, nameof(lines));
            if (!seen.Add((line.OrderNumber, line.LineId)))
            {
                throw new ArgumentException($"Line '{line.LineId}' of order '{line.OrderNumber}' appears twice; give one line with the total quantity.", nameof(lines));
            }
        }

        Rma = rma;
        CustomerId = customerId;
        Lines = [.. lines];
        CreatedAt = createdAt;
        UpdatedAt = createdAt;
        OrderNumbers = [.. Lines.Select(l => l.OrderNumber).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The return's number.</summary>
    public RmaNumber Rma { get; }

    /// <summary>The customer.</summary>
    public string CustomerId { get; }

    /// <summary>The lines that come back.</summary>
    public IReadOnlyList<ReturnRequestLine> Lines { get; init; }

    /// <summary>The orders the lines belong to, in first-seen order.</summary>
    public IReadOnlyList<string> OrderNumbers { get; }

    /// <summary>When the return was requested.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>Where the return stands.</summary>
    public ReturnState State { get; init; } = ReturnState.Requested;

    /// <summary>Counts changes: 1 when created, one more per committed change. The store rejects a change made from an older version.</summary>
    public long Version
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Version), value, "A version starts at 1.");
    } = 1;

    /// <summary>When the last change was made.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>How the customer sends the items back, once chosen.</summary>
    public ReturnMethod? Method { get; init; }

    /// <summary>The carrier adapter carrying the parcel.</summary>
    public string? CarrierId { get; init; }

    /// <summary>The carrier service.</summary>
    public string? ServiceCode { get; init; }

    /// <summary>The carrier's tracking number, once a label is issued.</summary>
    public string? TrackingNumber { get; init; }

    /// <summary>The warehouse the parcel goes to.</summary>
    public string? WarehouseId { get; init; }

    /// <summary>The store where the items are or will be handed in.</summary>
    public string? StoreId { get; init; }

    /// <summary>When the items are expected at the warehouse or store.</summary>
    public DateTimeOffset? ExpectedArrival { get; init; }

    /// <summary>When the newest carrier tracking event applied so far happened; older events arriving late change nothing.</summary>
    public DateTimeOffset? TrackingUpdatedAt { get; init; }

    /// <summary>Until when the customer may send the items; the return expires after it.</summary>
    public DateTimeOffset? AuthorizedUntil { get; init; }

    /// <summary>Why the return was rejected, cancelled or closed without resolution.</summary>
    public string? StatusReason { get; init; }

    /// <summary>How the customer asked to be paid back; the policy must allow it for every line.</summary>
    public RefundTypes Resolution { get; init; } = RefundTypes.OriginalPayment;

    /// <summary>What the customer takes in exchange, when <see cref="Resolution"/> is <see cref="RefundTypes.Exchange"/>.</summary>
    public IReadOnlyList<ExchangeItem> ExchangeItems { get; init; } = [];

    /// <summary>The refunds of this return, one per order; recorded before the payment platform is called.</summary>
    public IReadOnlyList<RefundRecord> Refunds { get; init; } = [];

    /// <summary>What a store did with the return, when it came back through a store.</summary>
    public StoreHandling? StoreHandling { get; init; }

    /// <summary>
    /// The idempotency key of the confirmation that created the return (a portal's, an API client's), so that a retry
    /// of that confirmation finds this return rather than counting its units as taken.
    /// </summary>
    public string? ConfirmationKey { get; init; }
}
