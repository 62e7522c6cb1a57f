namespace Returns.Sdk.Refunds;

/// <summary>
/// The e-commerce platform or payment service provider that pays refunds back to the original payment method and
/// issues store credit. The SDK calls it at most once per refund at a time and always with the same
/// <see cref="RefundInstruction.IdempotencyKey"/> for the same refund, so an implementation must pass the key on to a
/// platform that de-duplicates by it (or look the refund up by it before creating one).
/// </summary>
public interface IRefundGateway
{
    /// <summary>Pays a refund.</summary>
    /// <param name="instruction">What to pay back, to which tenders.</param>
    /// <param name="cancellationToken">Cancels the call; the refund may or may not have been made, and is resumed with the same key.</param>
    /// <returns>The platform's confirmation.</returns>
    /// <exception cref="RefundGatewayException">The platform refused the refund or could not be reached.</exception>
    Task<RefundConfirmation> RefundAsync(RefundInstruction instruction, CancellationToken cancellationToken);
}

/// <summary>A refund for the payment platform to pay.</summary>
/// <param name="IdempotencyKey">The same for every call about this refund; the platform must pay it once.</param>
/// <param name="RefundId">The SDK's id of the refund.</param>
/// <param name="OrderNumber">The order refunded.</param>
/// <param name="Rma">The return's RMA number.</param>
/// <param name="Tenders">What to pay back to each original tender, or as new store credit.</param>
public sealed record RefundInstruction(string IdempotencyKey, string RefundId, string OrderNumber, string Rma, IReadOnlyList<TenderRefund> Tenders)
{
    /// <summary>The total to pay, summed over the tenders.</summary>
    public Money Total => Tenders.Count == 0
        ? throw new InvalidOperationException("A refund instruction has at least one tender.")
        : Tenders.Skip(1).Aggregate(Tenders[0].Amount, (sum, tender) => sum + tender.Amount);

    /// <summary>The channel that sold the items, which the refund is booked against.</summary>
    public SalesChannel BookedTo { get; init; }

    /// <summary>The store that handled the return, when it came back through a store.</summary>
    public string? HandledAtStoreId { get; init; }

    /// <summary>What the customer still pays for an exchange worth more than the return; zero otherwise.</summary>
    public Money? AmountDue { get; init; }
}

/// <summary>The payment platform's confirmation of a refund.</summary>
/// <param name="GatewayReference">The platform's reference for the refund.</param>
public sealed record RefundConfirmation(string GatewayReference);

/// <summary>The payment platform refused a refund or could not be reached.</summary>
public sealed class RefundGatewayException : ReturnsException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed; no card numbers or personal data.</param>
    /// <param name="isTransient">True when the same call may succeed later (timeouts, 5xx, rate limits).</param>
    /// <param name="errorCode">The platform's error code, when it gave one.</param>
    /// <param name="innerException">The underlying cause.</param>
    public RefundGatewayException(string message, bool isTransient, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
        ErrorCode = errorCode;
    }

    /// <summary>True when the same call may succeed later; the refund stays pending and is resumed with the same key.</summary>
    public bool IsTransient { get; }

    /// <summary>The platform's error code.</summary>
    public string? ErrorCode { get; }
}
