using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Refunds;

// Passes every call to another store after a check a test overrides.
internal abstract class DelegatingReturnStore(IReturnStore inner) : IReturnStore
{
    protected abstract void Check();

    public Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default) { Check(); return inner.CommitAsync(change, cancellationToken); }

    public Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default) { Check(); return inner.FindAsync(rma, cancellationToken); }

    public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) { Check(); return inner.FindByOrderAsync(orderNumber, cancellationToken); }

    public Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default) { Check(); return inner.FindByTrackingNumberAsync(trackingNumber, cancellationToken); }

    public Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default) { Check(); return inner.FindByCustomerAsync(customerId, cancellationToken); }

    public Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default) { Check(); return inner.ListByStateAsync(state, after, limit, cancellationToken); }

    public Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default) { Check(); return inner.FindAttachmentAsync(rma, name, cancellationToken); }

    public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default) { Check(); return inner.GetHistoryAsync(rma, cancellationToken); }

    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) { Check(); return inner.ClaimIdempotencyKeyAsync(key, fingerprint, now, lease, cancellationToken); }

    public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default) { Check(); return inner.ReleaseIdempotencyKeyAsync(key, cancellationToken); }

    public Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) { Check(); return inner.LeaseOutboxAsync(maxCount, now, lease, cancellationToken); }

    public Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) { Check(); return inner.MarkOutboxDeliveredAsync(sequence, cancellationToken); }

    public Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default) { Check(); return inner.MarkOutboxFailedAsync(sequence, failure, cancellationToken); }

    public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default) { Check(); return inner.FindOutboxMessageAsync(eventId, cancellationToken); }

    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default) { Check(); return inner.ListDeadLettersAsync(limit, cancellationToken); }

    public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) { Check(); return inner.RequeueOutboxMessageAsync(eventId, now, cancellationToken); }
}
