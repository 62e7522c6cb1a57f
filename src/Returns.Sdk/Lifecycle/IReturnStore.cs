namespace Returns.Sdk.Lifecycle;

/// <summary>
/// Where returns, their history, idempotency keys and the event outbox are kept. Implementations must make
/// <see cref="CommitAsync"/> atomic and reject stale versions, and must be safe to share between threads and,
/// for server databases, between processes. <c>Returns.Storage.Testing</c> checks an implementation against this contract.
/// </summary>
public interface IReturnStore
{
    /// <summary>Writes a change: the return, its audit entry, its attachments, its events in the outbox and the completed idempotency key, all or nothing.</summary>
    /// <param name="change">The change.</param>
    /// <param name="cancellationToken">Cancels the write; nothing is written then.</param>
    /// <returns>The return as stored.</returns>
    /// <exception cref="ReturnConcurrencyException">Creating an RMA number that exists, or the return is no longer at <see cref="ReturnChange.ExpectedVersion"/>.</exception>
    /// <exception cref="ReturnNotFoundException">Updating a return that does not exist.</exception>
    /// <exception cref="ReturnStoreException">The database is unreachable, corrupted or not a returns database.</exception>
    Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default);

    /// <summary>Finds a return by number.</summary>
    /// <param name="rma">The number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The return, or <see langword="null"/>.</returns>
    Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default);

    /// <summary>Finds the returns that include lines of an order, oldest first.</summary>
    /// <param name="orderNumber">The order number, matched exactly.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The returns; empty when none.</returns>
    Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default);

    /// <summary>Finds the return a parcel belongs to.</summary>
    /// <param name="trackingNumber">The carrier's tracking number, matched exactly.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The return, or <see langword="null"/>.</returns>
    Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default);

    /// <summary>Finds a customer's returns, oldest first.</summary>
    /// <param name="customerId">The customer id, matched exactly.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The returns; empty when none.</returns>
    Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default);

    /// <summary>Lists returns in one state, a page at a time in RMA order (for sweeps such as expiring authorizations).</summary>
    /// <param name="state">The state.</param>
    /// <param name="after">The last RMA of the previous page, or <see langword="null"/> for the first page.</param>
    /// <param name="limit">The page size, at least 1.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>Up to <paramref name="limit"/> returns with an RMA number after <paramref name="after"/>.</returns>
    Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default);

    /// <summary>Finds a document kept with a return.</summary>
    /// <param name="rma">The return.</param>
    /// <param name="name">The attachment's name, matched exactly.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The attachment, or <see langword="null"/>.</returns>
    Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default);

    /// <summary>A return's history, oldest first.</summary>
    /// <param name="rma">The number.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The audit entries; empty for an unknown return.</returns>
    Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims an idempotency key before doing the work it guards (such as buying a label), so that concurrent or
    /// repeated requests with the key do the work once. A claim whose holder crashed is taken over once its lease runs out.
    /// </summary>
    /// <param name="key">The caller's key.</param>
    /// <param name="fingerprint">Identifies the request (operation and parameters); the same key with another fingerprint is a misuse.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the claim holds before another caller may take it over.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>Whether the caller holds the key, must wait, or may return the earlier result.</returns>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different request.</exception>
    Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Gives up a claim whose work failed, so that a retry with the key runs the work again. Completed keys are kept.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the release.</param>
    /// <returns>A task that completes when the claim is gone.</returns>
    Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default);

    /// <summary>
    /// Takes up to <paramref name="maxCount"/> pending outbox messages that are due, oldest first, and hides them from
    /// other dispatchers for <paramref name="lease"/>. A message not marked delivered or failed before the lease ends is leased again.
    /// </summary>
    /// <param name="maxCount">The most messages to take, at least 1.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the messages stay hidden.</param>
    /// <param name="cancellationToken">Cancels the lease.</param>
    /// <returns>The leased messages in <see cref="OutboxMessage.Sequence"/> order.</returns>
    Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default);

    /// <summary>Marks a message delivered to every subscriber.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when recorded.</returns>
    Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt: one more attempt, the next due time, who has it so far, or the dead letter.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="failure">The failure.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>A task that completes when recorded.</returns>
    Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default);

    /// <summary>Finds an outbox message by its event id, in any state.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The message, or <see langword="null"/>.</returns>
    Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default);

    /// <summary>Lists dead-lettered messages, oldest first.</summary>
    /// <param name="limit">The most to list, at least 1.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The messages.</returns>
    Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Puts a message back to pending with no attempts and no subscribers delivered, due at <paramref name="now"/>: a replay by id.</summary>
    /// <param name="eventId">The event id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>True when the message exists.</returns>
    Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default);
}
