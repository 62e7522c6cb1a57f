using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Events;

// An in-memory store whose members a test can override to make one operation fail.
internal abstract class StoreDecorator : IReturnStore
{
    protected InMemoryReturnStore Inner { get; } = new();

    public virtual Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default) => Inner.CommitAsync(change, cancellationToken);

    public Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default) => Inner.FindAsync(rma, cancellationToken);

    public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => Inner.FindByOrderAsync(orderNumber, cancellationToken);

    public Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default) => Inner.FindByTrackingNumberAsync(trackingNumber, cancellationToken);

    public Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default) => Inner.FindByCustomerAsync(customerId, cancellationToken);

    public Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default) => Inner.ListByStateAsync(state, after, limit, cancellationToken);

    public Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default) => Inner.FindAttachmentAsync(rma, name, cancellationToken);

    public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default) => Inner.GetHistoryAsync(rma, cancellationToken);

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) => Inner.ClaimIdempotencyKeyAsync(key, fingerprint, now, lease, cancellationToken);

    public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default) => Inner.ReleaseIdempotencyKeyAsync(key, cancellationToken);

    public virtual Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) => Inner.LeaseOutboxAsync(maxCount, now, lease, cancellationToken);

    public virtual Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) => Inner.MarkOutboxDeliveredAsync(sequence, cancellationToken);

    public virtual Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default) => Inner.MarkOutboxFailedAsync(sequence, failure, cancellationToken);

    public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default) => Inner.FindOutboxMessageAsync(eventId, cancellationToken);

    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default) => Inner.ListDeadLettersAsync(limit, cancellationToken);

    public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) => Inner.RequeueOutboxMessageAsync(eventId, now, cancellationToken);
}
