using System.Collections.Frozen;
using Returns.Sdk;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Policy;
using Returns.Sdk.Refunds;
using static Returns.Storage.Testing.ReturnStoreTestData;

namespace Returns.Storage.Testing.Internal;

internal static class StoreChecks
{
    private const int Parallel = 50;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public static readonly FrozenDictionary<string, Func<IReturnStore, CancellationToken, Task>> All = new Dictionary<string, Func<IReturnStore, CancellationToken, Task>>
    {
        ["create_then_find_by_every_key"] = CreateThenFind,
        ["multi_order_return_found_by_each_order"] = MultiOrder,
        ["document_round_trips_every_field"] = DocumentRoundTrip,
        ["update_from_current_version"] = UpdateFromCurrent,
        ["stale_update_rejected_and_nothing_written"] = StaleUpdate,
        ["duplicate_rma_rejected"] = DuplicateRma,
        ["unknown_return_update_not_found"] = UnknownUpdate,
        ["history_in_order_with_actor"] = History,
        ["list_by_state_pages_in_rma_order"] = ListByState,
        ["attachments_written_with_change"] = Attachments,
        ["claim_acquired_in_progress_taken_over"] = ClaimLifecycle,
        ["claim_with_other_fingerprint_rejected"] = ClaimReused,
        ["release_frees_pending_key_only"] = Release,
        ["commit_completes_key_with_result"] = CommitCompletesKey,
        ["outbox_leases_due_in_sequence_and_hides"] = OutboxLease,
        ["outbox_failure_backoff_dead_letter_requeue"] = OutboxFailure,
        ["outbox_delivered_not_leased_again"] = OutboxDelivered,
        ["cancelled_commit_writes_nothing"] = CancelledCommit,
        ["concurrent_claims_one_acquired"] = ConcurrentClaims,
        ["concurrent_commits_one_winner"] = ConcurrentCommits,
        ["concurrent_leases_disjoint"] = ConcurrentLeases,
        ["lifecycle_parallel_identical_creates_one_rma"] = LifecycleParallelCreates,
        ["lifecycle_parallel_conflicting_moves_one_winner"] = LifecycleParallelMoves,
        ["refund_parallel_triggers_pay_once"] = RefundParallelTriggers,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static async Task CreateThenFind(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn("customer-find");
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        Same(r, await store.FindAsync(r.Rma, ct).ConfigureAwait(false), "FindAsync after create");
        Expect.Equal(1, (await store.FindByOrderAsync("WEB-1001", ct).ConfigureAwait(false)).Count, "returns found by order WEB-1001");
        Expect.Equal(1, (await store.FindByCustomerAsync("customer-find", ct).ConfigureAwait(false)).Count, "returns found by customer");
        Expect.Equal(0, (await store.FindByCustomerAsync("customer-FIND", ct).ConfigureAwait(false)).Count, "returns found by a customer id in other case (exact match expected)");
        Expect.True(await store.FindAsync(RmaNumber.NewRandom(), ct).ConfigureAwait(false) is null, "FindAsync of an unknown RMA must return null.");
        var shipped = await store.CommitAsync(Move(r, ReturnState.LabelIssued, x => x with { TrackingNumber = "3SXYZ0001" }), ct).ConfigureAwait(false);
        Same(shipped, await store.FindByTrackingNumberAsync("3SXYZ0001", ct).ConfigureAwait(false), "FindByTrackingNumberAsync");
        Expect.True(await store.FindByTrackingNumberAsync("3SXYZ0002", ct).ConfigureAwait(false) is null, "an unknown tracking number must find nothing.");
    }

    private static async Task MultiOrder(IReturnStore store, CancellationToken ct)
    {
        var older = NewReturn("c", ["A-1"], Epoch);
        var both = NewReturn("c", ["A-1", "B-2"], Epoch.AddHours(1));
        await store.CommitAsync(Create(both), ct).ConfigureAwait(false);
        await store.CommitAsync(Create(older), ct).ConfigureAwait(false);
        var a = await store.FindByOrderAsync("A-1", ct).ConfigureAwait(false);
        Expect.Equal(2, a.Count, "returns of order A-1");
        Expect.Equal(older.Rma, a[0].Rma, "the oldest return of order A-1 first");
        var b = await store.FindByOrderAsync("B-2", ct).ConfigureAwait(false);
        Expect.True(b.Count == 1 && b[0].Rma == both.Rma, "order B-2 must find exactly the two-order return.");
        var byCustomer = await store.FindByCustomerAsync("c", ct).ConfigureAwait(false);
        Expect.True(byCustomer.Count == 2 && byCustomer[0].Rma == older.Rma, "a customer's returns must come oldest first.");
    }

    private static async Task DocumentRoundTrip(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn("c", ["A-1", "B-2", "C-3"]);
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        var full = await store.CommitAsync(Move(r, ReturnState.LabelIssued, x => x with
        {
            Method = Returns.Sdk.ReturnMethod.ParcelLocker,
            CarrierId = "table-rate",
            ServiceCode = "locker",
            TrackingNumber = "TR-1",
            WarehouseId = "WH-1",
            StoreId = "ST-9",
            ExpectedArrival = new DateTimeOffset(2026, 10, 25, 2, 30, 0, TimeSpan.FromHours(2)),
            TrackingUpdatedAt = new DateTimeOffset(2026, 10, 24, 8, 0, 0, TimeSpan.FromHours(-5)),
            AuthorizedUntil = new DateTimeOffset(2026, 12, 31, 23, 59, 59, TimeSpan.Zero).AddTicks(1234567),
            StatusReason = "naïve – ünïcödé ✓",
        }), ct).ConfigureAwait(false);
        Same(full, await store.FindAsync(r.Rma, ct).ConfigureAwait(false), "a return with every field set");
    }

    private static async Task UpdateFromCurrent(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        var v2 = await store.CommitAsync(Move(r, ReturnState.Authorized), ct).ConfigureAwait(false);
        var v3 = await store.CommitAsync(Move(v2, ReturnState.LabelIssued), ct).ConfigureAwait(false);
        var found = await store.FindAsync(r.Rma, ct).ConfigureAwait(false);
        Expect.Equal(3L, found?.Version, "version after two updates");
        Expect.Equal(ReturnState.LabelIssued, found?.State, "state after two updates");
        Same(v3, found, "the stored return after two updates");
    }

    private static async Task StaleUpdate(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        await store.CommitAsync(Move(r, ReturnState.Authorized), ct).ConfigureAwait(false);
        var stale = Move(r, ReturnState.Rejected) with { IdempotencyKey = new IdempotencyKey("stale-key") };
        stale = stale with { Attachments = [new ReturnAttachment("label", "text/plain", "x"u8.ToArray())] };
        var error = await Expect.Throws<ReturnConcurrencyException>(() => store.CommitAsync(stale, ct), "a change made from version 1 when version 2 is stored").ConfigureAwait(false);
        Expect.Equal(1L, error.ExpectedVersion, "ReturnConcurrencyException.ExpectedVersion");
        Expect.Equal((long?)2, error.ActualVersion, "ReturnConcurrencyException.ActualVersion");
        Expect.Equal(ReturnState.Authorized, (await store.FindAsync(r.Rma, ct).ConfigureAwait(false))?.State, "state after a rejected stale change");
        Expect.Equal(2, (await store.GetHistoryAsync(r.Rma, ct).ConfigureAwait(false)).Count, "audit entries after a rejected stale change");
        Expect.True(await store.FindOutboxMessageAsync(stale.Events[0].Id, ct).ConfigureAwait(false) is null, "the stale change's event must not reach the outbox.");
        Expect.True(await store.FindAttachmentAsync(r.Rma, "label", ct).ConfigureAwait(false) is null, "the stale change's attachment must not be written.");
        var claim = await store.ClaimIdempotencyKeyAsync(new IdempotencyKey("stale-key"), "f", Epoch, Lease, ct).ConfigureAwait(false);
        Expect.Equal(IdempotencyClaimStatus.Acquired, claim.Status, "claim of the key a rejected change carried");
    }

    private static async Task DuplicateRma(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        var again = new ReturnRequest(r.Rma, "someone-else", r.Lines, Epoch.AddDays(1));
        var error = await Expect.Throws<ReturnConcurrencyException>(() => store.CommitAsync(Create(again), ct), "creating an RMA number that exists").ConfigureAwait(false);
        Expect.Equal(0L, error.ExpectedVersion, "ExpectedVersion of a duplicate create");
        Expect.Equal("customer-1", (await store.FindAsync(r.Rma, ct).ConfigureAwait(false))?.CustomerId, "the first return's customer after a duplicate create");
    }

    private static async Task UnknownUpdate(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await Expect.Throws<ReturnNotFoundException>(() => store.CommitAsync(Move(r, ReturnState.Authorized), ct), "updating a return that was never created").ConfigureAwait(false);
        Expect.Equal(0, (await store.GetHistoryAsync(r.Rma, ct).ConfigureAwait(false)).Count, "history of a return that was never created");
    }

    private static async Task History(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        var moved = Move(r, ReturnState.Authorized);
        await store.CommitAsync(moved, ct).ConfigureAwait(false);
        var history = await store.GetHistoryAsync(r.Rma, ct).ConfigureAwait(false);
        Expect.Equal(2, history.Count, "audit entries");
        Expect.Equal(Create(r).Audit, history[0], "first audit entry");
        Expect.Equal(moved.Audit, history[1], "second audit entry (actor, location, note, states, time with offset)");
        Expect.Equal(moved.Audit.At.Offset, history[1].At.Offset, "the audit time's offset");
    }

    private static async Task ListByState(IReturnStore store, CancellationToken ct)
    {
        var created = new List<RmaNumber>();
        for (var i = 0; i < 7; i++)
        {
            var r = NewReturn($"c{i}");
            await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
            if (i % 3 == 0)
            {
                await store.CommitAsync(Move(r, ReturnState.Authorized), ct).ConfigureAwait(false);
            }
            else
            {
                created.Add(r.Rma);
            }
        }

        created.Sort((a, b) => string.CompareOrdinal(a.Value, b.Value));
        var seen = new List<RmaNumber>();
        RmaNumber? after = null;
        while (true)
        {
            var page = await store.ListByStateAsync(ReturnState.Requested, after, 2, ct).ConfigureAwait(false);
            Expect.True(page.Count <= 2, $"a page of limit 2 returned {page.Count}.");
            seen.AddRange(page.Select(p => p.Rma));
            if (page.Count < 2)
            {
                break;
            }

            after = page[^1].Rma;
        }

        Expect.Equal(string.Join(",", created), string.Join(",", seen), "requested returns paged in RMA order");
    }

    private static async Task Attachments(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        byte[] pdf = [0x25, 0x50, 0x44, 0x46, 0x00, 0xFF, 0x10];
        var v2 = await store.CommitAsync(Move(r, ReturnState.LabelIssued) with { Attachments = [new ReturnAttachment("label", "application/pdf", pdf)] }, ct).ConfigureAwait(false);
        var label = await store.FindAttachmentAsync(r.Rma, "label", ct).ConfigureAwait(false);
        Expect.True(label is not null && label.MediaType == "application/pdf" && label.Content.Span.SequenceEqual(pdf), "the label must come back byte for byte with its media type.");
        await store.CommitAsync(Move(v2, ReturnState.InTransit) with { Attachments = [new ReturnAttachment("label", "application/zpl", "^XA^XZ"u8.ToArray())] }, ct).ConfigureAwait(false);
        label = await store.FindAttachmentAsync(r.Rma, "label", ct).ConfigureAwait(false);
        Expect.Equal("application/zpl", label?.MediaType, "an attachment written again with the same name replaces the first");
        Expect.True(await store.FindAttachmentAsync(r.Rma, "LABEL", ct).ConfigureAwait(false) is null, "attachment names must match exactly.");
    }

    private static async Task ClaimLifecycle(IReturnStore store, CancellationToken ct)
    {
        var key = new IdempotencyKey("claim-1");
        Expect.Equal(IdempotencyClaimStatus.Acquired, (await store.ClaimIdempotencyKeyAsync(key, "f", Epoch, Lease, ct).ConfigureAwait(false)).Status, "first claim");
        Expect.Equal(IdempotencyClaimStatus.InProgress, (await store.ClaimIdempotencyKeyAsync(key, "f", Epoch.AddSeconds(59), Lease, ct).ConfigureAwait(false)).Status, "a claim while the lease lives");
        Expect.Equal(IdempotencyClaimStatus.Acquired, (await store.ClaimIdempotencyKeyAsync(key, "f", Epoch.AddSeconds(61), Lease, ct).ConfigureAwait(false)).Status, "a claim after the lease ran out");
        Expect.Equal(IdempotencyClaimStatus.InProgress, (await store.ClaimIdempotencyKeyAsync(key, "f", Epoch.AddSeconds(62), Lease, ct).ConfigureAwait(false)).Status, "a claim while the taken-over lease lives");
    }

    private static async Task ClaimReused(IReturnStore store, CancellationToken ct)
    {
        var key = new IdempotencyKey("claim-2");
        await store.ClaimIdempotencyKeyAsync(key, "create:a", Epoch, Lease, ct).ConfigureAwait(false);
        await Expect.Throws<IdempotencyKeyReusedException>(() => store.ClaimIdempotencyKeyAsync(key, "create:b", Epoch, Lease, ct), "the same key with another fingerprint").ConfigureAwait(false);
        await Expect.Throws<IdempotencyKeyReusedException>(() => store.ClaimIdempotencyKeyAsync(key, "create:b", Epoch.AddDays(1), Lease, ct), "the same key with another fingerprint after the lease").ConfigureAwait(false);
    }

    private static async Task Release(IReturnStore store, CancellationToken ct)
    {
        var pending = new IdempotencyKey("release-pending");
        await store.ClaimIdempotencyKeyAsync(pending, "f", Epoch, Lease, ct).ConfigureAwait(false);
        await store.ReleaseIdempotencyKeyAsync(pending, ct).ConfigureAwait(false);
        Expect.Equal(IdempotencyClaimStatus.Acquired, (await store.ClaimIdempotencyKeyAsync(pending, "other", Epoch, Lease, ct).ConfigureAwait(false)).Status, "a released key claimed again, even for another request");

        var done = new IdempotencyKey("release-completed");
        await store.ClaimIdempotencyKeyAsync(done, "f", Epoch, Lease, ct).ConfigureAwait(false);
        var r = NewReturn();
        await store.CommitAsync(Create(r, done), ct).ConfigureAwait(false);
        await store.ReleaseIdempotencyKeyAsync(done, ct).ConfigureAwait(false);
        var claim = await store.ClaimIdempotencyKeyAsync(done, "f", Epoch, Lease, ct).ConfigureAwait(false);
        Expect.Equal(IdempotencyClaimStatus.Completed, claim.Status, "a completed key after a release");
        await store.ReleaseIdempotencyKeyAsync(new IdempotencyKey("never-claimed"), ct).ConfigureAwait(false);
    }

    private static async Task CommitCompletesKey(IReturnStore store, CancellationToken ct)
    {
        var key = new IdempotencyKey("complete-1");
        await store.ClaimIdempotencyKeyAsync(key, "create", Epoch, Lease, ct).ConfigureAwait(false);
        var r = NewReturn();
        await store.CommitAsync(Create(r, key), ct).ConfigureAwait(false);
        await store.CommitAsync(Move(r, ReturnState.Authorized), ct).ConfigureAwait(false);
        var claim = await store.ClaimIdempotencyKeyAsync(key, "create", Epoch.AddDays(30), Lease, ct).ConfigureAwait(false);
        Expect.Equal(IdempotencyClaimStatus.Completed, claim.Status, "claim after the commit that completed the key");
        Same(r, claim.Result, "the completed key's result (the return as that commit left it, not as it is now)");
    }

    private static async Task OutboxLease(IReturnStore store, CancellationToken ct)
    {
        var a = NewReturn();
        var b = NewReturn();
        var createA = Create(a);
        await store.CommitAsync(createA, ct).ConfigureAwait(false);
        await store.CommitAsync(Create(b), ct).ConfigureAwait(false);
        var moveA = Move(a, ReturnState.Authorized);
        await store.CommitAsync(moveA, ct).ConfigureAwait(false);
        var now = Epoch.AddHours(1);
        var first = await store.LeaseOutboxAsync(2, now, Lease, ct).ConfigureAwait(false);
        Expect.Equal(2, first.Count, "messages leased with a limit of 2 out of 3");
        Expect.Equal(createA.Events[0].Id, first[0].Event.Id, "the first leased event (lowest sequence)");
        Expect.True(first[0].Sequence < first[1].Sequence, "leased messages must come in sequence order.");
        Expect.Equal(ReturnDocument.ToJson(a), first[0].Payload, "the payload of return.created (the return as that change left it)");
        Expect.Equal(createA.Events[0], first[0].Event, "the leased event");
        var second = await store.LeaseOutboxAsync(10, now, Lease, ct).ConfigureAwait(false);
        Expect.True(second.Count == 1 && second[0].Event.Id == moveA.Events[0].Id, "while leased, only the third message may be leased.");
        var afterLease = await store.LeaseOutboxAsync(10, now + Lease + TimeSpan.FromSeconds(1), Lease, ct).ConfigureAwait(false);
        Expect.Equal(3, afterLease.Count, "messages leased again after the lease ran out (none was marked)");
    }

    private static async Task OutboxFailure(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        var create = Create(r);
        await store.CommitAsync(create, ct).ConfigureAwait(false);
        var id = create.Events[0].Id;
        var now = Epoch.AddMinutes(5);
        var leased = await store.LeaseOutboxAsync(1, now, Lease, ct).ConfigureAwait(false);
        Expect.Equal(1, leased.Count, "messages due");
        var retryAt = now.AddMinutes(10);
        await store.MarkOutboxFailedAsync(leased[0].Sequence, new OutboxFailure("HTTP 503", retryAt, ["handler:a"], DeadLetter: false), ct).ConfigureAwait(false);
        Expect.Equal(0, (await store.LeaseOutboxAsync(10, retryAt.AddSeconds(-1), Lease, ct).ConfigureAwait(false)).Count, "messages leased before the retry is due");
        var retry = await store.LeaseOutboxAsync(10, retryAt, Lease, ct).ConfigureAwait(false);
        Expect.True(retry.Count == 1 && retry[0].Attempts == 1 && retry[0].LastError == "HTTP 503" && retry[0].DeliveredTo.SequenceEqual(["handler:a"]), "a retried message carries its attempts, error and the subscribers that have it.");
        await store.MarkOutboxFailedAsync(retry[0].Sequence, new OutboxFailure("HTTP 500", retryAt.AddHours(1), ["handler:a", "webhook:b"], DeadLetter: true), ct).ConfigureAwait(false);
        Expect.Equal(0, (await store.LeaseOutboxAsync(10, retryAt.AddDays(1), Lease, ct).ConfigureAwait(false)).Count, "dead letters leased");
        var dead = await store.ListDeadLettersAsync(10, ct).ConfigureAwait(false);
        Expect.True(dead.Count == 1 && dead[0].Event.Id == id && dead[0].State == OutboxMessageState.DeadLettered && dead[0].Attempts == 2, "the dead letter must be listed with two attempts.");
        Expect.True(await store.RequeueOutboxMessageAsync(id, retryAt.AddDays(2), ct).ConfigureAwait(false), "requeue of an existing message must return true.");
        Expect.True(!await store.RequeueOutboxMessageAsync(Guid.NewGuid(), retryAt, ct).ConfigureAwait(false), "requeue of an unknown message must return false.");
        var replay = await store.LeaseOutboxAsync(10, retryAt.AddDays(2), Lease, ct).ConfigureAwait(false);
        Expect.True(replay.Count == 1 && replay[0].Attempts == 0 && replay[0].DeliveredTo.Count == 0 && replay[0].State == OutboxMessageState.Pending, "a requeued message starts afresh.");
        Expect.Equal(0, (await store.ListDeadLettersAsync(10, ct).ConfigureAwait(false)).Count, "dead letters after the requeue");
    }

    private static async Task OutboxDelivered(IReturnStore store, CancellationToken ct)
    {
        var create = Create(NewReturn());
        await store.CommitAsync(create, ct).ConfigureAwait(false);
        var leased = await store.LeaseOutboxAsync(10, Epoch.AddMinutes(1), Lease, ct).ConfigureAwait(false);
        await store.MarkOutboxDeliveredAsync(leased[0].Sequence, ct).ConfigureAwait(false);
        Expect.Equal(0, (await store.LeaseOutboxAsync(10, Epoch.AddDays(1), Lease, ct).ConfigureAwait(false)).Count, "delivered messages leased");
        Expect.Equal(OutboxMessageState.Delivered, (await store.FindOutboxMessageAsync(create.Events[0].Id, ct).ConfigureAwait(false))?.State, "state of a delivered message");
    }

    private static async Task CancelledCommit(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        await Expect.Throws<OperationCanceledException>(() => store.CommitAsync(Create(r), cancelled.Token), "a commit with a cancelled token").ConfigureAwait(false);
        Expect.True(await store.FindAsync(r.Rma, ct).ConfigureAwait(false) is null, "a cancelled commit must write nothing.");
    }

    private static async Task ConcurrentClaims(IReturnStore store, CancellationToken ct)
    {
        var key = new IdempotencyKey("concurrent-claim");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claims = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            await start.Task.WaitAsync(ct).ConfigureAwait(false);
            return await store.ClaimIdempotencyKeyAsync(key, "f", Epoch, Lease, ct).ConfigureAwait(false);
        }, ct)).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(claims).ConfigureAwait(false);
        Expect.Equal(1, results.Count(c => c.Status == IdempotencyClaimStatus.Acquired), $"claims acquired among {Parallel} concurrent claims of one new key");
        Expect.Equal(Parallel - 1, results.Count(c => c.Status == IdempotencyClaimStatus.InProgress), "concurrent claims told to wait");
    }

    private static async Task ConcurrentCommits(IReturnStore store, CancellationToken ct)
    {
        var r = NewReturn();
        await store.CommitAsync(Create(r), ct).ConfigureAwait(false);
        var changes = Enumerable.Range(0, Parallel).Select(i => Move(r, ReturnState.Authorized, x => x with { StatusReason = $"writer {i}" })).ToArray();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commits = changes.Select(change => Task.Run(async () =>
        {
            await start.Task.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                await store.CommitAsync(change, ct).ConfigureAwait(false);
                return (Change: change, Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Change: change, Error: ex);
            }
        }, ct)).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(commits).ConfigureAwait(false);
        var winners = results.Where(x => x.Error is null).ToArray();
        Expect.Equal(1, winners.Length, $"successful commits among {Parallel} concurrent changes from the same version");
        var others = results.Where(x => x.Error is not null).Select(x => x.Error!).ToArray();
        Expect.True(others.All(e => e is ReturnConcurrencyException), "every losing commit must fail with ReturnConcurrencyException; got " + string.Join(", ", others.Select(e => e.GetType().Name).Distinct()));
        var stored = await store.FindAsync(r.Rma, ct).ConfigureAwait(false);
        Expect.Equal(2L, stored?.Version, "version after the race");
        Expect.Equal(winners[0].Change.Return.StatusReason, stored?.StatusReason, "the stored return is the winner's");
        Expect.Equal(2, (await store.GetHistoryAsync(r.Rma, ct).ConfigureAwait(false)).Count, "audit entries after the race");
        var outbox = await store.LeaseOutboxAsync(Parallel * 2, Epoch.AddDays(1), Lease, ct).ConfigureAwait(false);
        Expect.Equal(2, outbox.Count, "outbox messages after the race (the creation and the winner's)");
        Expect.Equal(winners[0].Change.Events[0].Id, outbox[1].Event.Id, "the winner's event");
    }

    private static async Task ConcurrentLeases(IReturnStore store, CancellationToken ct)
    {
        for (var i = 0; i < 20; i++)
        {
            await store.CommitAsync(Create(NewReturn($"c{i}")), ct).ConfigureAwait(false);
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var leases = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await start.Task.WaitAsync(ct).ConfigureAwait(false);
            return await store.LeaseOutboxAsync(5, Epoch.AddHours(1), Lease, ct).ConfigureAwait(false);
        }, ct)).ToArray();
        start.SetResult();
        var batches = await Task.WhenAll(leases).ConfigureAwait(false);
        var sequences = batches.SelectMany(b => b.Select(m => m.Sequence)).ToArray();
        Expect.Equal(sequences.Length, sequences.Distinct().Count(), "distinct messages among concurrent leases (none handed out twice)");
        Expect.Equal(20, sequences.Length, "messages leased by 8 concurrent dispatchers taking 5 each out of 20");
    }

    private static ReturnLifecycle Lifecycle(IReturnStore store) =>
        new(store, [], Microsoft.Extensions.Options.Options.Create(new ReturnLifecycleOptions { KeyWait = TimeSpan.FromMinutes(1) }), TimeProvider.System);

    private static async Task LifecycleParallelCreates(IReturnStore store, CancellationToken ct)
    {
        var lifecycle = Lifecycle(store);
        var request = new NewReturn("customer-race", NewReturn().Lines);
        var key = new IdempotencyKey("create-race");
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var creates = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            await start.Task.WaitAsync(ct).ConfigureAwait(false);
            return await lifecycle.CreateAsync(request, key, ReturnActor.Customer, ct).ConfigureAwait(false);
        }, ct)).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(creates).ConfigureAwait(false);
        Expect.Equal(1, results.Select(r => r.Rma).Distinct().Count(), $"distinct RMA numbers among {Parallel} identical creates with one key");
        Expect.Equal(1, (await store.FindByCustomerAsync("customer-race", ct).ConfigureAwait(false)).Count, "returns stored for the customer");
        Expect.Equal(1, (await store.LeaseOutboxAsync(Parallel * 2, DateTimeOffset.MaxValue.AddYears(-1), Lease, ct).ConfigureAwait(false)).Count, "return.created events in the outbox");
    }

    private static async Task LifecycleParallelMoves(IReturnStore store, CancellationToken ct)
    {
        var lifecycle = Lifecycle(store);
        var created = await lifecycle.CreateAsync(new NewReturn("customer-moves", NewReturn().Lines), new IdempotencyKey("moves-create"), ReturnActor.Customer, ct).ConfigureAwait(false);
        await lifecycle.AuthorizeAsync(created.Rma, new IdempotencyKey("moves-authorize"), ReturnActor.System, cancellationToken: ct).ConfigureAwait(false);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var moves = Enumerable.Range(0, Parallel).Select(i => Task.Run(async () =>
        {
            await start.Task.WaitAsync(ct).ConfigureAwait(false);
            var key = new IdempotencyKey($"moves-{i}");
            try
            {
                _ = i % 2 == 0
                    ? await lifecycle.CancelAsync(created.Rma, "customer_changed_mind", key, ReturnActor.Customer, ct).ConfigureAwait(false)
                    : await lifecycle.MarkReceivedAsync(created.Rma, "STORE-1", key, new ReturnActor(ReturnChannel.Store, "associate"), ct).ConfigureAwait(false);
                return null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }, ct)).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(moves).ConfigureAwait(false);
        Expect.Equal(1, outcomes.Count(e => e is null), $"winners among {Parallel} conflicting moves");
        var losers = outcomes.Where(e => e is not null).ToArray();
        Expect.True(losers.All(e => e is ReturnConcurrencyException or IllegalReturnTransitionException), "every loser must get a typed conflict; got " + string.Join(", ", losers.Select(e => e!.GetType().Name).Distinct()));
        Expect.Equal(3, (await store.GetHistoryAsync(created.Rma, ct).ConfigureAwait(false)).Count, "audit entries (created, authorized, one winner)");
        Expect.Equal(3L, (await store.FindAsync(created.Rma, ct).ConfigureAwait(false))?.Version, "version after the race");
    }

    // The refund orchestrator's exactly-once guarantee rests on the store's claims and version checks.
    private static async Task RefundParallelTriggers(IReturnStore store, CancellationToken ct)
    {
        var time = TimeProvider.System;
        var placed = time.GetUtcNow().AddDays(-5);
        var order = new Order("ORDER-RACE", SalesChannel.Web, Currency.EUR, placed, new Customer("customer-refund"), [new OrderLine("1", "SKU-R", 2, new Money(24.95m, Currency.EUR), new ProductAttributes("apparel"))])
        {
            Tenders = [new Tender(TenderKind.Card, new Money(49.90m, Currency.EUR)) { Reference = "card-1" }],
        };
        var policy = ReturnPolicy.Parse($$"""
            { "policyId": "race", "versions": [ { "version": "1", "effectiveFrom": "{{placed.AddDays(-1):yyyy-MM-dd}}", "currencies": ["EUR"],
              "window": { "days": 30 }, "fees": { "methods": { "in_store": { "EUR": 0 } } } } ] }
            """);
        var gateway = new InMemoryRefundGateway { OnCall = (_, token) => Task.Delay(20, token) };
        var refunds = new RefundOrchestrator(store, new InMemoryOrderSource(order), new ReturnPolicyEngine(policy, time), gateway, Microsoft.Extensions.Options.Options.Create(new RefundOptions { KeyWait = TimeSpan.FromMinutes(1) }), time);
        var lifecycle = Lifecycle(store);
        var created = await lifecycle.CreateAsync(new NewReturn("customer-refund", [new ReturnRequestLine("ORDER-RACE", "1", "SKU-R", 2, "too_small")]) { Method = ReturnMethod.InStore }, new IdempotencyKey("refund-create"), ReturnActor.Customer, ct).ConfigureAwait(false);
        await lifecycle.AuthorizeAsync(created.Rma, new IdempotencyKey("refund-authorize"), ReturnActor.System, cancellationToken: ct).ConfigureAwait(false);
        await lifecycle.MarkReceivedAsync(created.Rma, "STORE-1", new IdempotencyKey("refund-receive"), new ReturnActor(ReturnChannel.Store), ct).ConfigureAwait(false);
        await lifecycle.MarkInspectedAsync(created.Rma, new IdempotencyKey("refund-inspect"), new ReturnActor(ReturnChannel.Store), cancellationToken: ct).ConfigureAwait(false);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var triggers = Enumerable.Range(0, Parallel).Select(_ => Task.Run(async () =>
        {
            await start.Task.WaitAsync(ct).ConfigureAwait(false);
            return await refunds.RefundAsync(created.Rma, ReturnActor.System, ct).ConfigureAwait(false);
        }, ct)).ToArray();
        start.SetResult();
        var outcomes = await Task.WhenAll(triggers).ConfigureAwait(false);
        Expect.Equal(1, gateway.Calls.Count, $"payment platform calls among {Parallel} parallel refund triggers");
        Expect.True(outcomes.All(o => o.Completed), "every trigger sees the refund completed");
        var stored = await store.FindAsync(created.Rma, ct).ConfigureAwait(false);
        Expect.Equal(ReturnState.Refunded, stored?.State, "state after the race");
        Expect.Equal(1, stored?.Refunds.Count, "refund records");
        Expect.Equal(RefundStatus.Succeeded, stored?.Refunds[0].Status, "refund status");
        Expect.Equal(new Money(49.90m, Currency.EUR), stored?.Refunds[0].Calculation.Payout, "amount paid");
    }

    private static void Same(ReturnRequest expected, ReturnRequest? actual, string what)
    {
        var e = ReturnDocument.ToJson(expected);
        var a = actual is null ? "null" : ReturnDocument.ToJson(actual);
        if (!string.Equals(e, a, StringComparison.Ordinal))
        {
            throw new ReturnStoreConformanceException(null, $"{what}: expected the document{Environment.NewLine}  {e}{Environment.NewLine}found{Environment.NewLine}  {a}");
        }
    }
}
