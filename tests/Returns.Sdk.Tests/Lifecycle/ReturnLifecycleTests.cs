using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Lifecycle;

public sealed class ReturnLifecycleTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryReturnStore _store = new();
    private readonly CountingCarrier _carrier = new();
    private readonly ReturnLifecycle _lifecycle;
    private int _keys;

    public ReturnLifecycleTests()
    {
        _lifecycle = new ReturnLifecycle(_store, [_carrier], Options.Create(new ReturnLifecycleOptions { AuthorizationDays = 14 }), _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NewReturn Request(string customer = "cust-1") => new(customer, [new ReturnRequestLine("WEB-1", "L1", "SKU-1", 1, "too_small"), new ReturnRequestLine("WEB-2", "L1", "SKU-9", 2, "defective")]);

    private static LabelRequest Label(string carrier = "counting") => new(
        carrier,
        "std",
        ReturnMethod.PostOffice,
        new Parcel(Weight.FromGrams(900)),
        new Address(CountryCode.Parse("NL"), "1012AB"),
        new Address(CountryCode.Parse("NL"), "5000AA")) { WarehouseId = "WH-1" };

    private IdempotencyKey Key() => new($"key-{++_keys}");

    private async Task<ReturnRequest> Authorized()
    {
        var r = await _lifecycle.CreateAsync(Request(), Key(), ReturnActor.Customer, Ct);
        return await _lifecycle.AuthorizeAsync(r.Rma, Key(), ReturnActor.System, cancellationToken: Ct);
    }

    [Fact]
    public async Task FullFlow_CreateToClose_RecordsHistoryAndEventsInOrder()
    {
        var created = await _lifecycle.CreateAsync(Request(), Key(), ReturnActor.Customer, Ct);
        _time.Advance(TimeSpan.FromMinutes(5));
        var authorized = await _lifecycle.AuthorizeAsync(created.Rma, Key(), ReturnActor.System, cancellationToken: Ct);
        var labelled = await _lifecycle.IssueLabelAsync(created.Rma, Label(), Key(), ReturnActor.Customer, Ct);
        var received = await _lifecycle.MarkReceivedAsync(created.Rma, "WH-1", Key(), new ReturnActor(ReturnChannel.Warehouse, "picker-4"), Ct);
        await _lifecycle.MarkInspectedAsync(created.Rma, Key(), new ReturnActor(ReturnChannel.Warehouse, "inspector-2"), "as declared", Ct);
        await _lifecycle.ResolveAsync(created.Rma, ReturnResolution.Refunded, Key(), new ReturnActor(ReturnChannel.Api, "oms"), Ct);
        var closed = await _lifecycle.CloseAsync(created.Rma, Key(), ReturnActor.System, cancellationToken: Ct);

        Assert.Equal(ReturnState.Requested, created.State);
        Assert.Equal(["WEB-1", "WEB-2"], created.OrderNumbers);
        Assert.Equal(Start.AddMinutes(5).AddDays(14), authorized.AuthorizedUntil);
        Assert.Equal("TRK000001", labelled.Return.TrackingNumber);
        Assert.Equal("application/pdf", labelled.Label!.MediaType);
        Assert.Equal("QR-1", labelled.QrPayload);
        Assert.Equal("WH-1", received.WarehouseId);
        Assert.Equal((ReturnState.Closed, 7L), (closed.State, closed.Version));

        var history = await _lifecycle.GetHistoryAsync(created.Rma, Ct);
        Assert.Equal(["created", "authorized", "label_issued", "received", "inspected", "refunded", "closed"], history.Select(h => h.Action));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], history.Select(h => h.Version));
        Assert.Equal(ReturnChannel.Warehouse, history[3].Actor.Channel);
        Assert.Equal("WH-1", history[3].Actor.LocationId);
        Assert.Equal("as declared", history[4].Note);
        Assert.Equal(Start.AddMinutes(5), history[1].At);

        var events = await _store.LeaseOutboxAsync(100, Start.AddDays(1), TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(
            [ReturnEventTypes.Created, ReturnEventTypes.Authorized, ReturnEventTypes.LabelIssued, ReturnEventTypes.Received, ReturnEventTypes.Inspected, ReturnEventTypes.Refunded, ReturnEventTypes.Closed],
            events.Select(e => e.Event.Type));
        Assert.Contains("\"state\":\"label_issued\"", events[2].Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_SameKeyTwice_ReturnsFirstReturnWithoutSecond()
    {
        var key = Key();
        var first = await _lifecycle.CreateAsync(Request(), key, ReturnActor.Customer, Ct);
        _time.Advance(TimeSpan.FromHours(3));

        var second = await _lifecycle.CreateAsync(Request(), key, ReturnActor.Customer, Ct);

        Assert.Equal(first.Rma, second.Rma);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Single(await _store.FindByCustomerAsync("cust-1", Ct));
    }

    [Fact]
    public async Task CreateAsync_SameKeyOtherRequest_ThrowsIdempotencyKeyReused()
    {
        var key = Key();
        await _lifecycle.CreateAsync(Request("cust-1"), key, ReturnActor.Customer, Ct);

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => _lifecycle.CreateAsync(Request("cust-2"), key, ReturnActor.Customer, Ct));
        Assert.Empty(await _store.FindByCustomerAsync("cust-2", Ct));
    }

    [Fact]
    public async Task AuthorizeAsync_Retried_ReturnsSameVersionAndOneAuditEntry()
    {
        var r = await _lifecycle.CreateAsync(Request(), Key(), ReturnActor.Customer, Ct);
        var key = Key();

        var first = await _lifecycle.AuthorizeAsync(r.Rma, key, ReturnActor.System, cancellationToken: Ct);
        var retry = await _lifecycle.AuthorizeAsync(r.Rma, key, ReturnActor.System, cancellationToken: Ct);

        Assert.Equal(first.Version, retry.Version);
        Assert.Equal(2, (await _lifecycle.GetHistoryAsync(r.Rma, Ct)).Count);
    }

    [Fact]
    public async Task IssueLabelAsync_Retried_SameLabelAndOneCarrierCall()
    {
        var r = await Authorized();
        var key = Key();

        var first = await _lifecycle.IssueLabelAsync(r.Rma, Label(), key, ReturnActor.Customer, Ct);
        var retry = await _lifecycle.IssueLabelAsync(r.Rma, Label(), key, ReturnActor.Customer, Ct);

        Assert.Equal(1, _carrier.Shipments);
        Assert.Equal(key.Value, Assert.Single(_carrier.IdempotencyKeys));
        Assert.Equal(first.Return.TrackingNumber, retry.Return.TrackingNumber);
        Assert.Equal(first.Label!.Content.ToArray(), retry.Label!.Content.ToArray());
        Assert.Equal(first.QrPayload, retry.QrPayload);
    }

    [Fact]
    public async Task IssueLabelAsync_CarrierFails_NothingRecordedAndRetryWithSameKeyWorks()
    {
        var r = await Authorized();
        var key = Key();
        _carrier.Failure = new CarrierException("counting", "down", isTransient: true);

        await Assert.ThrowsAsync<CarrierException>(() => _lifecycle.IssueLabelAsync(r.Rma, Label(), key, ReturnActor.Customer, Ct));
        Assert.Equal(ReturnState.Authorized, (await _store.FindAsync(r.Rma, Ct))!.State);

        _carrier.Failure = null;
        var issued = await _lifecycle.IssueLabelAsync(r.Rma, Label(), key, ReturnActor.Customer, Ct);
        Assert.Equal(ReturnState.LabelIssued, issued.Return.State);
    }

    [Fact]
    public async Task IssueLabelAsync_UnknownCarrier_ThrowsArgumentException()
    {
        var r = await Authorized();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => _lifecycle.IssueLabelAsync(r.Rma, Label("nobody"), Key(), ReturnActor.Customer, Ct));

        Assert.Contains("nobody", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueLabelAsync_BeforeAuthorization_IllegalTransitionAndNoCarrierCall()
    {
        var r = await _lifecycle.CreateAsync(Request(), Key(), ReturnActor.Customer, Ct);

        var error = await Assert.ThrowsAsync<IllegalReturnTransitionException>(() => _lifecycle.IssueLabelAsync(r.Rma, Label(), Key(), ReturnActor.Customer, Ct));

        Assert.Equal((ReturnState.Requested, ReturnState.LabelIssued), (error.From, error.To));
        Assert.Equal(0, _carrier.Shipments);
    }

    [Fact]
    public async Task RejectAsync_AfterAuthorization_IllegalAndKeyReleasedForAnotherUse()
    {
        var r = await Authorized();
        var key = Key();

        await Assert.ThrowsAsync<IllegalReturnTransitionException>(() => _lifecycle.RejectAsync(r.Rma, "too late", key, ReturnActor.System, Ct));
        var cancelled = await _lifecycle.CancelAsync(r.Rma, "customer_request", key, ReturnActor.Customer, Ct);

        Assert.Equal(ReturnState.Cancelled, cancelled.State);
    }

    [Fact]
    public async Task AnyMove_UnknownReturn_ThrowsNotFound()
    {
        var rma = RmaNumber.NewRandom();

        var error = await Assert.ThrowsAsync<ReturnNotFoundException>(() => _lifecycle.AuthorizeAsync(rma, Key(), ReturnActor.System, cancellationToken: Ct));

        Assert.Equal(rma, error.Rma);
    }

    [Fact]
    public async Task CancelAsync_WithLabel_CancelsAtCarrierAndSurvivesCarrierFailure()
    {
        var r = await Authorized();
        await _lifecycle.IssueLabelAsync(r.Rma, Label(), Key(), ReturnActor.Customer, Ct);
        _carrier.CancelFailure = new CarrierException("counting", "cannot void", isTransient: false);

        var cancelled = await _lifecycle.CancelAsync(r.Rma, "found_a_better_fit", Key(), ReturnActor.Customer, Ct);

        Assert.Equal(ReturnState.Cancelled, cancelled.State);
        Assert.Equal("found_a_better_fit", cancelled.StatusReason);
        Assert.Equal(1, _carrier.Cancellations);
    }

    [Fact]
    public async Task FindAsync_TypedByPerson_FindsReturn()
    {
        var r = await _lifecycle.CreateAsync(Request(), Key(), ReturnActor.Customer, Ct);

        Assert.Equal(r.Rma, (await _lifecycle.FindAsync(r.Rma.Value.ToLowerInvariant().Replace("-", " ", StringComparison.Ordinal), Ct))?.Rma);
        Assert.Null(await _lifecycle.FindAsync("RMA-nonsense", Ct));
        Assert.Equal(r.Rma, Assert.Single(await _lifecycle.FindByOrderAsync("WEB-2", Ct)).Rma);
    }

    [Fact]
    public async Task Idempotent_KeyHeldByCrashedRequest_WaitsThenTakesOverAfterLease()
    {
        var r = await _lifecycle.CreateAsync(Request(), Key(), ReturnActor.Customer, Ct);
        var key = Key();
        var crashing = new ReturnLifecycle(new CrashOnCommitStore(_store), [], Options.Create(new ReturnLifecycleOptions { ClaimLease = TimeSpan.FromMinutes(2) }), _time);
        await Assert.ThrowsAsync<IOException>(() => crashing.AuthorizeAsync(r.Rma, key, ReturnActor.System, cancellationToken: Ct));
        var impatient = new ReturnLifecycle(_store, [], Options.Create(new ReturnLifecycleOptions { KeyWait = TimeSpan.Zero }), _time);

        await Assert.ThrowsAsync<IdempotencyKeyInProgressException>(() => impatient.AuthorizeAsync(r.Rma, key, ReturnActor.System, cancellationToken: Ct));
        _time.Advance(TimeSpan.FromMinutes(3));
        var authorized = await impatient.AuthorizeAsync(r.Rma, key, ReturnActor.System, cancellationToken: Ct);

        Assert.Equal(ReturnState.Authorized, authorized.State);
        Assert.Equal(2, (await _store.GetHistoryAsync(r.Rma, Ct)).Count);
    }

    [Fact]
    public async Task ExpireOverdueAsync_PastAuthorization_ExpiresOnlyOverdue()
    {
        var overdue = await Authorized();
        _time.Advance(TimeSpan.FromDays(10));
        var fresh = await Authorized();
        var requested = await _lifecycle.CreateAsync(Request("cust-3"), Key(), ReturnActor.Customer, Ct);
        _time.Advance(TimeSpan.FromDays(5));

        var count = await _lifecycle.ExpireOverdueAsync(Ct);

        Assert.Equal(1, count);
        Assert.Equal(ReturnState.Expired, (await _store.FindAsync(overdue.Rma, Ct))!.State);
        Assert.Equal(ReturnState.Authorized, (await _store.FindAsync(fresh.Rma, Ct))!.State);
        Assert.Equal(ReturnState.Requested, (await _store.FindAsync(requested.Rma, Ct))!.State);
        Assert.Equal(ReturnChannel.System, (await _store.GetHistoryAsync(overdue.Rma, Ct))[^1].Actor.Channel);
    }

    private sealed class CrashOnCommitStore(IReturnStore inner) : IReturnStore
    {
        public Task<ReturnRequest> CommitAsync(ReturnChange change, CancellationToken cancellationToken = default) =>
            throw new IOException("process died");

        // A crashed process never releases its key; the lease is what frees it.
        public Task ReleaseIdempotencyKeyAsync(IdempotencyKey key, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<ReturnRequest?> FindAsync(RmaNumber rma, CancellationToken cancellationToken = default) => inner.FindAsync(rma, cancellationToken);

        public Task<IReadOnlyList<ReturnRequest>> FindByOrderAsync(string orderNumber, CancellationToken cancellationToken = default) => inner.FindByOrderAsync(orderNumber, cancellationToken);

        public Task<ReturnRequest?> FindByTrackingNumberAsync(string trackingNumber, CancellationToken cancellationToken = default) => inner.FindByTrackingNumberAsync(trackingNumber, cancellationToken);

        public Task<IReadOnlyList<ReturnRequest>> FindByCustomerAsync(string customerId, CancellationToken cancellationToken = default) => inner.FindByCustomerAsync(customerId, cancellationToken);

        public Task<IReadOnlyList<ReturnRequest>> ListByStateAsync(ReturnState state, RmaNumber? after, int limit, CancellationToken cancellationToken = default) => inner.ListByStateAsync(state, after, limit, cancellationToken);

        public Task<ReturnAttachment?> FindAttachmentAsync(RmaNumber rma, string name, CancellationToken cancellationToken = default) => inner.FindAttachmentAsync(rma, name, cancellationToken);

        public Task<IReadOnlyList<ReturnAuditEntry>> GetHistoryAsync(RmaNumber rma, CancellationToken cancellationToken = default) => inner.GetHistoryAsync(rma, cancellationToken);

        public Task<IdempotencyClaim> ClaimIdempotencyKeyAsync(IdempotencyKey key, string fingerprint, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) => inner.ClaimIdempotencyKeyAsync(key, fingerprint, now, lease, cancellationToken);

        public Task<IReadOnlyList<OutboxMessage>> LeaseOutboxAsync(int maxCount, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default) => inner.LeaseOutboxAsync(maxCount, now, lease, cancellationToken);

        public Task MarkOutboxDeliveredAsync(long sequence, CancellationToken cancellationToken = default) => inner.MarkOutboxDeliveredAsync(sequence, cancellationToken);

        public Task MarkOutboxFailedAsync(long sequence, OutboxFailure failure, CancellationToken cancellationToken = default) => inner.MarkOutboxFailedAsync(sequence, failure, cancellationToken);

        public Task<OutboxMessage?> FindOutboxMessageAsync(Guid eventId, CancellationToken cancellationToken = default) => inner.FindOutboxMessageAsync(eventId, cancellationToken);

        public Task<IReadOnlyList<OutboxMessage>> ListDeadLettersAsync(int limit, CancellationToken cancellationToken = default) => inner.ListDeadLettersAsync(limit, cancellationToken);

        public Task<bool> RequeueOutboxMessageAsync(Guid eventId, DateTimeOffset now, CancellationToken cancellationToken = default) => inner.RequeueOutboxMessageAsync(eventId, now, cancellationToken);
    }
}
