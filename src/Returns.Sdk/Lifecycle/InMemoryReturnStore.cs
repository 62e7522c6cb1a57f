namespace Returns.Sdk.Lifecycle;

/// <summary>
/// An <see cref="IReturnStore"/> in process memory: for tests and single-process demos. It honours the whole
/// contract (atomic commits, stale versions, idempotency claims, the outbox) but forgets everything when the process
/// ends; use the SQLite or PostgreSQL store for anything that must survive a restart.
/// </summary>
public sealed class InMemoryReturnStore : IReturnStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<RmaNumber, ReturnRequest> _returns = [];
    private readonly Dictionary<RmaNumber, List<ReturnAuditEntry>> _history = [];
    private readonly Dictionary<(RmaNumber, string), ReturnAttachment> _attachments = [];
    private readonly Dictionary<string, Claim> _claims = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, Outbox> _outbox = [];
    private readonly Dictionary<Guid, long> _outboxByEvent = [];
    private long _nextSequence = 1;

    /// <inheritdoc/>
    public Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        change.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var next = change.Return;
        lock (_gate)
        {
            if (change.ExpectedVersion == 0)
            {
                if (_returns.ContainsKey(next.Rma))
                {
                    throw new ReturnConcurrencyException(next.Rma, 0, null);
                }
            }
            else if (!_returns.TryGetValue(next.Rma, out var current))
            {
                throw new ReturnNotFoundException(next.Rma);
            }
            else if (current.Version != change.ExpectedVersion)
            {
                throw new ReturnConcurrencyException(next.Rma, change.ExpectedVersion, current.Version);
            }

            foreach (var e in change.Events)
            {
                if (_outboxByEvent.ContainsKey(e.Id))
                {
                    throw new ArgumentException($"Event {e.Id} is already in the outbox.", nameof(change));
                }
            }

            if (change.IdempotencyKey is { } key && _claims.TryGetValue(key.Value, out var held) && held.Result is not null)
            {
                throw new InvalidOperationException($"Idempotency key '{key}' is already completed; claim it before committing.");
            }

            _returns[next.Rma] = next;
            if (!_history.TryGetValue(next.Rma, out var history))
            {
                _history[next.Rma] = history = [];
            }

            history.Add(change.Audit);
            foreach (var attachment in change.Attachments)
            {
                _attachments[(next.Rma, attachment.Name)] = attachment;
            }

            if (change.Events.Count > 0)
            {
                var payload = ReturnDocument.ToJson(next);
                foreach (var e in change.Events)
                {
                    var sequence = _nextSequence++;
                    _outbox[sequence] = new Outbox(new OutboxMessage(sequence, e, payload) { NextAttemptAt = e.OccurredAt }, DateTimeOffset.MinValue);
                    _outboxByEvent[e.Id] = sequence;
                }
            }

            if (change.IdempotencyKey is { } completed)
            {
                var fingerprint = _claims.TryGetValue(completed.Value, out var claim) ? claim.Fingerprint : string.Empty;
                _claims[completed.Value] = new Claim(fingerprint, DateTimeOffset.MaxValue, next);
            }

            return Task.FromResult(next);
        }
    }

    /// <inheritdoc/>
    public Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_returns.GetValueOrDefault(rma));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(orderNumber);
        return Where(r => r.OrderNumbers.Contains(orderNumber, StringComparer.Ordinal));
    }

    /// <inheritdoc/>
    public async Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        var found = await Where(r => string.Equals(r.TrackingNumber, trackingNumber, StringComparison.Ordinal)).ConfigureAwait(false);
        return found.Count == 0 ? null : found[^1];
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerId);
        return Where(r => string.Equals(r.CustomerId, customerId, StringComparison.Ordinal));
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<ReturnRequest> page = [.. _returns.Values
                .Where(r => r.State == state && (after is not { } a || string.CompareOrdinal(r.Rma.Value, a.Value) > 0))
                .OrderBy(r => r.Rma.Value, StringComparer.Ordinal)
                .Take(limit)];
            return Task.FromResult(page);
        }
    }

    /// <inheritdoc/>
    public Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        lock (_gate)
        {
            return Task.FromResult(_attachments.GetValueOrDefault((rma, name)));
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<ReturnAuditEntry> history = _history.TryGetValue(rma, out var entries) ? [.. entries] : [];
            return Task.FromResult(history);
        }
    }

    /// <inheritdoc/>
    public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_claims.TryGetValue(key.Value, out var claim))
            {
                if (!string.Equals(claim.Fingerprint, fingerprint, StringComparison.Ordinal))
                {
                    throw new IdempotencyKeyReusedException(key);
                }

                if (claim.Result is not null)
                {
                    return Task.FromResult(new IdempotencyClaim(IdempotencyClaimStatus.Completed, claim.Result));
                }

                if (claim.LeaseUntil > now)
                {
                    return Task.FromResult(new IdempotencyClaim(IdempotencyClaimStatus.InProgress));
                }
            }

            _claims[key.Value] = new Claim(fingerprint, now + lease, null);
            return Task.FromResult(new IdempotencyClaim(IdempotencyClaimStatus.Acquired));
        }
    }

    /// <inheritdoc/>
    public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_claims.TryGetValue(key.Value, out var claim) && claim.Result is null)
            {
                _claims.Remove(key.Value);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        lock (_gate)
        {
            var leased = _outbox.Values
                .Where(row => row.Message.State == OutboxMessageState.Pending && row.Message.NextAttemptAt <= now && row.LeaseUntil <= now)
                .Take(maxCount)
                .Select(row => row.Message)
                .ToList();
            foreach (var message in leased)
            {
                _outbox[message.Sequence] = new Outbox(message, now + lease);
            }

            return Task.FromResult<IReadOnlyList<OutboxMessage>>(leased);
        }
    }

    /// <inheritdoc/>
    public Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) =>
        UpdateOutbox(sequence, m => m with { State = OutboxMessageState.Delivered });

    /// <inheritdoc/>
    public Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return UpdateOutbox(sequence, m => m with
        {
            Attempts = m.Attempts + 1,
            NextAttemptAt = failure.NextAttemptAt,
            DeliveredTo = [.. failure.DeliveredTo],
            LastError = failure.Error,
            State = failure.DeadLetter ? OutboxMessageState.DeadLettered : OutboxMessageState.Pending,
        });
    }

    /// <inheritdoc/>
    public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_outboxByEvent.TryGetValue(eventId, out var sequence) ? _outbox[sequence].Message : null);
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        lock (_gate)
        {
            IReadOnlyList<OutboxMessage> dead = [.. _outbox.Values.Select(r => r.Message).Where(m => m.State == OutboxMessageState.DeadLettered).Take(limit)];
            return Task.FromResult(dead);
        }
    }

    /// <inheritdoc/>
    public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_outboxByEvent.TryGetValue(eventId, out var sequence))
            {
                return Task.FromResult(false);
            }

            var row = _outbox[sequence];
            _outbox[sequence] = new Outbox(
                row.Message with { State = OutboxMessageState.Pending, Attempts = 0, DeliveredTo = [], NextAttemptAt = now, LastError = null },
                DateTimeOffset.MinValue);
            return Task.FromResult(true);
        }
    }

    private Task<IReadOnlyList<ReturnRequest>> Where(Func<ReturnRequest, bool> predicate)
    {
        lock (_gate)
        {
            IReadOnlyList<ReturnRequest> found = [.. _returns.Values.Where(predicate).OrderBy(r => r.CreatedAt).ThenBy(r => r.Rma.Value, StringComparer.Ordinal)];
            return Task.FromResult(found);
        }
    }

    private Task UpdateOutbox(long sequence, Func<OutboxMessage, OutboxMessage> update)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(sequence, out var row))
            {
                _outbox[sequence] = new Outbox(update(row.Message), DateTimeOffset.MinValue);
            }
        }

        return Task.CompletedTask;
    }

    private sealed record Claim(string Fingerprint, DateTimeOffset LeaseUntil, ReturnRequest? Result);

    private sealed record Outbox(OutboxMessage Message, DateTimeOffset LeaseUntil);
}
