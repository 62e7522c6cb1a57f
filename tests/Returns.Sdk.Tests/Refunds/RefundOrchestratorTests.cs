using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Refunds;
using static Returns.Sdk.Tests.Refunds.RefundFixtures;

namespace Returns.Sdk.Tests.Refunds;

public sealed class RefundOrchestratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<ReturnRequest> MoveTo(IReturnStore store, RmaNumber rma, ReturnState state, TimeProvider time)
    {
        var current = (await store.FindAsync(rma, Ct))!;
        var next = current with { State = state, Version = current.Version + 1, UpdatedAt = time.GetUtcNow() };
        return await store.CommitAsync(new ReturnChange(next, current.Version, new ReturnAuditEntry(next.Version, next.UpdatedAt, new ReturnActor(ReturnChannel.CarrierEvent), current.State, state, "scanned")), Ct);
    }

    [Fact]
    public async Task RefundAsync_BeforeInspectionUnderTheDefaultTiming_IsNotDueAndRecordsNothing()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(cancellationToken: Ct);

        var outcome = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.False(outcome.Due);
        Assert.Empty(outcome.Refunds);
        Assert.Equal(r.Version, outcome.Return.Version);
        Assert.Empty(h.Gateway.Calls);
    }

    [Fact]
    public async Task RefundAsync_AfterInspection_PaysOnceRecordsEverythingAndSettlesTheReturn()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(cancellationToken: Ct);
        await h.Inspected(r.Rma, Ct);

        var outcome = await h.Orchestrator.RefundAsync(r.Rma, RefundHarness.Oms, Ct);
        var again = await h.Orchestrator.RefundAsync(r.Rma, RefundHarness.Oms, Ct);

        Assert.True(outcome.Completed);
        var refund = Assert.Single(outcome.Refunds);
        Assert.Equal((RefundStatus.Succeeded, 1, "rf_000001"), (refund.Status, refund.Calls, refund.GatewayReference));
        Assert.Equal(RefundTrigger.Inspected, refund.Trigger);
        Assert.Equal(SalesChannel.Web, refund.BookedTo);
        Assert.Equal(Eur(29.46m), refund.Calculation.Total); // 2 of 3 units: 33.41, less the 3.95 post-office fee
        Assert.Equal(ReturnState.Refunded, outcome.Return.State);
        Assert.Equal(outcome.Return.Version, again.Return.Version);
        var payment = Assert.Single(h.Gateway.Payments);
        Assert.Equal($"{r.Rma.Value}-R1-A1", payment.IdempotencyKey);
        Assert.Equal([new TenderRefund(TenderKind.GiftCard, "gc_1", Eur(29.46m))], payment.Tenders);
        Assert.Single(h.Gateway.Calls);

        var history = await h.Store.GetHistoryAsync(r.Rma, Ct);
        Assert.Equal(["refund_recorded", "refund_succeeded", "refunded"], history.TakeLast(3).Select(e => e.Action));
        var events = (await h.Store.LeaseOutboxAsync(100, Start.AddDays(1), TimeSpan.FromMinutes(1), Ct)).Select(m => m.Event.Type).ToList();
        Assert.Equal([ReturnEventTypes.RefundRecorded, ReturnEventTypes.RefundSucceeded, ReturnEventTypes.Refunded], events.TakeLast(3));
    }

    [Fact]
    public async Task RefundAsync_AtFirstScanTiming_PaysInTransitAndSettlesOnlyOnceReceived()
    {
        var time = new FakeTimeProvider(Start);
        var h = new RefundHarness(new InMemoryReturnStore(), time, """{ "timing": "at_first_scan" }""");
        var r = await h.Create(cancellationToken: Ct);
        Assert.False((await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct)).Due);
        await MoveTo(h.Store, r.Rma, ReturnState.LabelIssued, time);
        await MoveTo(h.Store, r.Rma, ReturnState.InTransit, time);

        var scanned = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);
        await h.Lifecycle.MarkReceivedAsync(r.Rma, "WH-1", h.Key(), new ReturnActor(ReturnChannel.Warehouse), Ct);
        var received = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.Equal((ReturnState.InTransit, RefundStatus.Succeeded, RefundTrigger.FirstScan), (scanned.Return.State, scanned.Refunds[0].Status, scanned.Refunds[0].Trigger));
        Assert.Equal(ReturnState.Refunded, received.Return.State);
        Assert.Single(h.Gateway.Calls);
    }

    [Fact]
    public async Task RefundAsync_TrustedTier_IsInstantAtAuthorization()
    {
        var order = new Order("WEB-1", SalesChannel.Web, Currency.EUR, Placed, new Customer("C-1") { Tier = "gold" }, WebOrder().Lines) { Tenders = [new Tender(TenderKind.Card, Eur(133.80m))] };
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start), """{ "instantForCustomerTiers": ["gold"] }""", order);
        var r = await h.Create(cancellationToken: Ct);

        var outcome = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.Equal((ReturnState.Authorized, RefundStatus.Succeeded, RefundTrigger.Authorized), (outcome.Return.State, outcome.Refunds[0].Status, outcome.Refunds[0].Trigger));
    }

    [Fact]
    public async Task RefundAsync_FiftyParallelTriggers_CallTheGatewayOnce()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), TimeProvider.System);
        var r = await h.Create(cancellationToken: Ct);
        await h.Inspected(r.Rma, Ct);
        h.Gateway.OnCall = (_, ct) => Task.Delay(50, ct);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct), Ct)));

        Assert.Single(h.Gateway.Calls);
        Assert.Single(h.Gateway.Payments);
        Assert.All(outcomes, o => Assert.True(o.Completed));
        var stored = (await h.Store.FindAsync(r.Rma, Ct))!;
        Assert.Equal(ReturnState.Refunded, stored.State);
        Assert.Single(stored.Refunds);
    }

    [Fact]
    public async Task RefundAsync_TransientGatewayFailure_StaysPendingAndResumesWithTheSameKey()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(cancellationToken: Ct);
        await h.Inspected(r.Rma, Ct);
        h.Gateway.FailNext(new RefundGatewayException("timeout", isTransient: true, "timeout"));

        var ex = await Assert.ThrowsAsync<RefundGatewayException>(() => h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct));
        var pending = (await h.Store.FindAsync(r.Rma, Ct))!.Refunds[0];
        var outcome = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.True(ex.IsTransient);
        Assert.Equal((RefundStatus.Pending, 1, "timeout"), (pending.Status, pending.Calls, pending.LastError));
        Assert.Equal((RefundStatus.Succeeded, 2), (outcome.Refunds[0].Status, outcome.Refunds[0].Calls));
        Assert.Equal(2, h.Gateway.Calls.Count);
        Assert.All(h.Gateway.Calls, c => Assert.Equal($"{r.Rma.Value}-R1-A1", c.IdempotencyKey));
        Assert.Single(h.Gateway.Payments);
    }

    [Fact]
    public async Task RefundAsync_RefusedByTheGateway_IsFailedUntilRetriedWithANewKey()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(cancellationToken: Ct);
        await h.Inspected(r.Rma, Ct);
        h.Gateway.FailNext(new RefundGatewayException("card closed", isTransient: false, "card_closed"));

        await Assert.ThrowsAsync<RefundGatewayException>(() => h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct));
        var failed = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);
        var retried = await h.Orchestrator.RetryFailedAsync(r.Rma, failed.Refunds[0].RefundId, RefundHarness.Oms, Ct);

        Assert.Equal((RefundStatus.Failed, "card_closed"), (failed.Refunds[0].Status, failed.Refunds[0].LastError));
        Assert.Equal(ReturnState.Inspected, failed.Return.State);
        Assert.Equal((RefundStatus.Succeeded, 2), (retried.Refunds[0].Status, retried.Refunds[0].Attempt));
        Assert.Equal([$"{r.Rma.Value}-R1-A1", $"{r.Rma.Value}-R1-A2"], h.Gateway.Calls.Select(c => c.IdempotencyKey));
        Assert.Equal(ReturnState.Refunded, retried.Return.State);
    }

    [Fact]
    public async Task RefundAsync_CrashBetweenGatewayCallAndRecording_IsResumedAfterTheLeaseWithOnePayment()
    {
        var time = new FakeTimeProvider(Start);
        var h = new RefundHarness(new InMemoryReturnStore(), time);
        var r = await h.Create(cancellationToken: Ct);
        await h.Inspected(r.Rma, Ct);
        var dying = new DyingStore(h.Store);
        var crashing = h.NewOrchestrator(dying, gateway: new CrashAfterPaying(h.Gateway, dying));

        await Assert.ThrowsAsync<ProcessCrashedException>(() => crashing.RefundAsync(r.Rma, ReturnActor.System, Ct));
        Assert.Single(h.Gateway.Payments);
        Assert.Equal(RefundStatus.Pending, (await h.Store.FindAsync(r.Rma, Ct))!.Refunds[0].Status);

        // The dead process still holds the refund's lease: a restart waits for it to end, then resumes.
        time.Advance(new RefundOptions().ClaimLease + TimeSpan.FromSeconds(1));
        var restarted = h.NewOrchestrator(h.Store);
        var outcome = await restarted.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.True(outcome.Completed);
        Assert.Single(outcome.Refunds);
        Assert.Equal(2, h.Gateway.Calls.Count);
        Assert.Single(h.Gateway.Payments);
        Assert.Equal(h.Gateway.Payments[0].IdempotencyKey, h.Gateway.Calls[1].IdempotencyKey);
    }

    [Fact]
    public async Task RefundAsync_TwoReturnsOfOneOrder_NeverRefundMoreThanPaid()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start), """{ "originalShipping": ["whole_order"] }""");
        var first = await h.Create(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "1", "TEE-M", 1, "too_small")]) { Method = ReturnMethod.InStore }, Ct);
        await h.Inspected(first.Rma, Ct);
        var one = await h.Orchestrator.RefundAsync(first.Rma, ReturnActor.System, Ct);
        var second = await h.Create(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "1", "TEE-M", 2, "too_small"), new ReturnRequestLine("WEB-1", "2", "SNK-42", 1, "defective")]) { Method = ReturnMethod.InStore }, Ct);
        await h.Inspected(second.Rma, Ct);
        var two = await h.Orchestrator.RefundAsync(second.Rma, ReturnActor.System, Ct);

        Assert.Equal(Eur(16.71m), one.Refunds[0].Calculation.Total);
        Assert.Equal(Eur(33.40m + 83.69m + 4.95m), two.Refunds[0].Calculation.Total);
        Assert.Equal(Eur(138.75m), h.Gateway.Payments.Aggregate(Eur(0m), (sum, p) => sum + p.Total));
    }

    [Fact]
    public async Task RefundAsync_ReturnOfTwoOrders_PaysEachOrderToItsOwnTenders()
    {
        var other = new Order("WEB-2", SalesChannel.Marketplace, Currency.EUR, Placed, new Customer("C-1"), [new OrderLine("A", "BAG", 1, Eur(40m), new ProductAttributes("bags"))])
        {
            Tenders = [new Tender(TenderKind.Wallet, Eur(40m)) { Reference = "pp_9" }],
        };
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start), null, WebOrder(), other);
        var r = await h.Create(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "2", "SNK-42", 1, "defective"), new ReturnRequestLine("WEB-2", "A", "BAG", 1, "changed_mind")]) { Method = ReturnMethod.InStore }, Ct);
        await h.Inspected(r.Rma, Ct);

        var outcome = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.Equal(["WEB-1", "WEB-2"], outcome.Refunds.Select(f => f.OrderNumber));
        Assert.Equal([SalesChannel.Web, SalesChannel.Marketplace], outcome.Refunds.Select(f => f.BookedTo));
        Assert.Equal([new TenderRefund(TenderKind.Wallet, "pp_9", Eur(40m))], h.Gateway.Payments.Single(p => p.OrderNumber == "WEB-2").Tenders);
        Assert.Equal(ReturnState.Refunded, outcome.Return.State);
    }

    [Fact]
    public async Task RefundAsync_StoreCreditResolution_IssuesCreditWithBonusAndSettlesAsCredited()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "2", "SNK-42", 1, "too_large")]) { Method = ReturnMethod.InStore, Resolution = RefundTypes.StoreCredit }, Ct);
        await h.Inspected(r.Rma, Ct);

        var outcome = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.Equal([new TenderRefund(TenderKind.StoreCredit, null, Eur(92.06m))], h.Gateway.Payments[0].Tenders); // 83.69 + 10 %
        Assert.Equal(ReturnState.Credited, outcome.Return.State);
    }

    [Fact]
    public async Task RefundAsync_ReturnSettledByHand_IsNotPaidAgainByALateEvent()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(cancellationToken: Ct);
        await h.Inspected(r.Rma, Ct);
        await h.Lifecycle.ResolveAsync(r.Rma, ReturnResolution.Refunded, h.Key(), RefundHarness.Oms, Ct);

        var outcome = await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct);

        Assert.False(outcome.Due);
        Assert.Empty(outcome.Refunds);
        Assert.Empty(h.Gateway.Calls);
    }

    [Fact]
    public async Task RefundAsync_CancelledReturn_IsNotAllowed()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(cancellationToken: Ct);
        await h.Lifecycle.CancelAsync(r.Rma, "changed mind", h.Key(), ReturnActor.Customer, Ct);

        var ex = await Assert.ThrowsAsync<RefundNotAllowedException>(() => h.Orchestrator.RefundNowAsync(r.Rma, RefundHarness.Oms, Ct));

        Assert.Equal(ReturnState.Cancelled, ex.State);
        Assert.Empty(h.Gateway.Calls);
    }

    [Fact]
    public async Task RefundAsync_UnknownOrder_IsAValidationErrorAndNothingIsRecorded()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(new NewReturn("C-1", [new ReturnRequestLine("NOPE-7", "1", "X", 1, "too_small")]), Ct);
        await h.Inspected(r.Rma, Ct);

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct));

        Assert.Contains("NOPE-7", ex.Message, StringComparison.Ordinal);
        Assert.Empty((await h.Store.FindAsync(r.Rma, Ct))!.Refunds);
    }

    [Fact]
    public async Task ReturnDocument_WithRefundsExchangeAndStoreHandling_RoundTrips()
    {
        var h = new RefundHarness(new InMemoryReturnStore(), new FakeTimeProvider(Start));
        var r = await h.Create(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "1", "TEE-M", 1, "too_small")])
        {
            Method = ReturnMethod.InStore,
            Resolution = RefundTypes.Exchange,
            ExchangeItems = [ExchangeItem.OtherProduct("CAP-1", 1, Eur(25m))],
        }, Ct);
        await h.Inspected(r.Rma, Ct);
        var refunded = (await h.Orchestrator.RefundAsync(r.Rma, ReturnActor.System, Ct)).Return with
        {
            StoreHandling = new StoreHandling("ST-7", "assoc-1", Start) { Sales = [new StoreSale("CAP-1", 1, Eur(8.29m), IsExchange: true)] },
        };

        var read = ReturnDocument.Parse(ReturnDocument.ToJson(refunded));

        Assert.Equal(ReturnState.Exchanged, refunded.State);
        Assert.Equal(Eur(8.29m), refunded.Refunds[0].Calculation.AmountDue);
        Assert.Equal(ReturnDocument.ToJson(refunded), ReturnDocument.ToJson(read));
        Assert.Equal(refunded.Refunds[0].Calculation.AmountDue, read.Refunds[0].Calculation.AmountDue);
        Assert.Equal(RefundTypes.Exchange, read.Resolution);
        Assert.Equal("ST-7", read.StoreHandling!.StoreId);
    }

    private sealed class ProcessCrashedException() : Exception("The process died.");

    // After the crash nothing the dead process does reaches the store.
    private sealed class DyingStore(IReturnStore inner) : DelegatingReturnStore(inner)
    {
        public bool Dead { get; set; }

        protected override void Check()
        {
            if (Dead)
            {
                throw new ProcessCrashedException();
            }
        }
    }

    private sealed class CrashAfterPaying(IRefundGateway inner, DyingStore store) : IRefundGateway
    {
        public async Task<RefundConfirmation> RefundAsync(RefundInstruction instruction, CancellationToken cancellationToken)
        {
            await inner.RefundAsync(instruction, cancellationToken);
            store.Dead = true;
            throw new ProcessCrashedException();
        }
    }
}
