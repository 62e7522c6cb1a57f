using Returns.Sdk.Lifecycle;

namespace Returns.Storage.Testing.Tests;

// The kit is only worth running if it catches real mistakes: each broken store below makes one classic mistake.
public sealed class BrokenStoreTests
{
    [Fact]
    public async Task RunAllAsync_StoreIgnoringVersions_FailsStaleAndConcurrencyChecks()
    {
        var failures = await ReturnStoreConformance.RunAllAsync(_ => Task.FromResult<IReturnStore>(new LastWriterWins()), TestContext.Current.CancellationToken);

        var failed = failures.Select(f => f.Check).ToHashSet();
        Assert.Contains("stale_update_rejected_and_nothing_written", failed);
        Assert.Contains("concurrent_commits_one_winner", failed);
        Assert.DoesNotContain("create_then_find_by_every_key", failed);
    }

    [Fact]
    public async Task RunCheckAsync_StoreWithoutClaimLeases_FailsClaimCheck()
    {
        var error = await Assert.ThrowsAsync<ReturnStoreConformanceException>(() =>
            ReturnStoreConformance.RunCheckAsync("claim_acquired_in_progress_taken_over", _ => Task.FromResult<IReturnStore>(new AlwaysAcquired()), TestContext.Current.CancellationToken));

        Assert.Equal("claim_acquired_in_progress_taken_over", error.Check);
        Assert.Contains("InProgress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunCheckAsync_StoreLeasingTwice_FailsLeaseCheck()
    {
        var error = await Assert.ThrowsAsync<ReturnStoreConformanceException>(() =>
            ReturnStoreConformance.RunCheckAsync("outbox_leases_due_in_sequence_and_hides", _ => Task.FromResult<IReturnStore>(new LeaseIgnored()), TestContext.Current.CancellationToken));

        Assert.Contains("leased", error.Message, StringComparison.Ordinal);
    }

    // Reads the stored version and pretends the change was made from it: the lost update optimistic concurrency prevents.
    private sealed class LastWriterWins : Decorator
    {
        public override async Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default)
        {
            if (change.ExpectedVersion > 0 && await Inner.FindAsync(change.Return.Rma, cancellationToken) is { } stored)
            {
                var next = change.Return with { Version = stored.Version + 1 };
                change = change with
                {
                    Return = next,
                    ExpectedVersion = stored.Version,
                    Audit = change.Audit with { Version = next.Version },
                    Events = [.. change.Events.Select(e => e with { Version = next.Version })],
                };
            }

            return await Inner.CommitAsync(change, cancellationToken);
        }
    }

    private sealed class AlwaysAcquired : Decorator
    {
        public override Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
            Task.FromResult(new IdempotencyClaim(IdempotencyClaimStatus.Acquired));
    }

    // Hands out leased messages again at once, as a store that forgets to record the lease would.
    private sealed class LeaseIgnored : Decorator
    {
        private int _calls;

        public override Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) =>
            Inner.LeaseOutboxAsync(maxCount, now.AddDays(++_calls), TimeSpan.FromTicks(1), cancellationToken);
    }

    private abstract class Decorator : IReturnStore
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

        public virtual Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) => Inner.ClaimIdempotencyKeyAsync(key, fingerprint, now, lease, cancellationToken);

        public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default) => Inner.ReleaseIdempotencyKeyAsync(key, cancellationToken);

        public virtual Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) => Inner.LeaseOutboxAsync(maxCount, now, lease, cancellationToken);

        public Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) => Inner.MarkOutboxDeliveredAsync(sequence, cancellationToken);

        public Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default) => Inner.MarkOutboxFailedAsync(sequence, failure, cancellationToken);

        public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default) => Inner.FindOutboxMessageAsync(eventId, cancellationToken);

        public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default) => Inner.ListDeadLettersAsync(limit, cancellationToken);

        public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) => Inner.RequeueOutboxMessageAsync(eventId, now, cancellationToken);
    }
}
