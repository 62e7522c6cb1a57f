using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Grading;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.Orders;
using Returns.Sdk.Refunds;
using Returns.Sdk.StoreReturns;
using Returns.Sdk.Tests.Grading;
using Returns.Sdk.Tests.Policy;
using static Returns.Sdk.Tests.Refunds.RefundFixtures;

namespace Returns.Sdk.Tests.StoreReturns;

public sealed class StoreReturnDeskTests : IDisposable
{
    private static readonly ReturnActor Associate = new(ReturnChannel.Store, "assoc-17") { LocationId = "ST-AMS" };
    private readonly InMemoryReturnStore _store = new();
    private readonly InMemoryRefundGateway _gateway = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 12, 15, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _provider;

    public StoreReturnDeskTests()
    {
        var order = WebOrder(tenders: [new Tender(TenderKind.Card, Eur(138.75m)) { Reference = "psp_card" }]);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<IReturnStore>(_store);
        services.AddReturns()
            .AddReturnPolicy(PolicyFixtures.TestPolicy(v => v["refunds"] = PolicyFixtures.Json("""{ "allowed": ["original_payment", "exchange"] }""")))
            .AddReturnLifecycle()
            .AddConditionGrading(GradingFixtures.Shipped)
            .AddRefunds()
            .AddRefundGateway(_gateway)
            .AddOrderSource(new InMemoryOrderSource(order))
            .AddStoreReturnDesk(o =>
            {
                o.Stores.Add(new WarehouseCapabilities("ST-AMS", [Disposition.RestockAsNew]));
                o.Warehouse = WarehouseCapabilities.Everything("WH-1");
            });
        _provider = services.BuildServiceProvider();
        _provider.GetRequiredService<IStartupValidator>().Validate();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private StoreReturnDesk Desk => _provider.GetRequiredService<StoreReturnDesk>();

    private static DeclaredCondition AsNew => new(PackagingState.Sealed, UsageLevel.None);

    private static DeclaredCondition Worn => new(PackagingState.Opened, UsageLevel.Light) { TagsAttached = false };

    private static StoreReturnRequest TwoItems() => new("WEB-1", "ST-AMS", "assoc-17",
    [
        new StoreReturnItem("SNK-42", 1, "too_large", AsNew),
        new StoreReturnItem("TEE-M", 1, "changed_mind", Worn),
    ]);

    public void Dispose() => _provider.Dispose();

    [Fact]
    public async Task Walkthrough_WebOrderReturnedInStore_RefundsTheCardKeepsStockAndAttributes()
    {
        var byNumber = await Desk.FindAsync(" web-1 ", Ct);
        var byEmail = await Desk.FindAsync("ANNA@example.com", Ct);
        var preview = await Desk.PreviewAsync(TwoItems(), Ct);
        var receipt = await Desk.ProcessAsync(TwoItems(), new IdempotencyKey("desk-1"), Ct);
        var repeated = await Desk.ProcessAsync(TwoItems(), new IdempotencyKey("desk-1"), Ct);

        Assert.Equal("WEB-1", Assert.Single(byNumber.Orders).Number);
        Assert.Equal("WEB-1", Assert.Single(byEmail.Orders).Number);
        Assert.Equal(Eur(100.40m), Assert.Single(preview.Refunds).Total); // 83.69 + 16.71, no fee for in-store returns

        // Stock: the unworn trainers stay on the store's shelves, the worn T-shirt goes to the warehouse's outlet.
        var shoes = receipt.Lines.Single(l => l.Sku == "SNK-42");
        var tee = receipt.Lines.Single(l => l.Sku == "TEE-M");
        Assert.Equal((ConditionGrade.A, Disposition.RestockAsNew, "ST-AMS", true), (shoes.Grade, shoes.Disposition, shoes.SiteId, shoes.KeptInStore));
        Assert.Equal((ConditionGrade.C, Disposition.SellAsOutlet, "WH-1", false), (tee.Grade, tee.Disposition, tee.SiteId, tee.KeptInStore));
        Assert.Equal("ST-AMS", receipt.Return.Lines.Single(l => l.Sku == "SNK-42").DispositionSiteId);

        // Money: on the card through the platform, booked against the web channel, the store named as handler.
        var payment = Assert.Single(_gateway.Payments);
        Assert.Equal([new TenderRefund(TenderKind.Card, "psp_card", Eur(100.40m))], payment.Tenders);
        Assert.Equal((SalesChannel.Web, "ST-AMS"), (payment.BookedTo, payment.HandledAtStoreId));
        var refund = Assert.Single(receipt.Refunds);
        Assert.Equal((RefundStatus.Succeeded, SalesChannel.Web, "ST-AMS"), (refund.Status, refund.BookedTo, refund.HandledAtStoreId));
        Assert.Equal(("ST-AMS", "assoc-17"), (receipt.Return.StoreHandling!.StoreId, receipt.Return.StoreHandling.AssociateId));
        Assert.Empty(receipt.Return.StoreHandling.Sales);
        Assert.Equal(ReturnState.Refunded, receipt.Return.State);
        Assert.Equal(receipt.Return.Rma, repeated.Return.Rma);
        Assert.Single(_gateway.Calls);

        // Audit and events.
        var history = await _store.GetHistoryAsync(receipt.Return.Rma, Ct);
        Assert.Equal(["created", "authorized", "received", "inspected", "refund_recorded", "refund_succeeded", "refunded"], history.Select(h => h.Action));
        Assert.All(history.Take(4), h => Assert.Equal((ReturnChannel.Store, "assoc-17", "ST-AMS"), (h.Actor.Channel, h.Actor.ActorId, h.Actor.LocationId)));
        var events = await _store.LeaseOutboxAsync(100, _time.GetUtcNow(), TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(
            [ReturnEventTypes.Created, ReturnEventTypes.Authorized, ReturnEventTypes.Received, ReturnEventTypes.Inspected, ReturnEventTypes.RefundRecorded, ReturnEventTypes.RefundSucceeded, ReturnEventTypes.Refunded],
            events.Select(e => e.Event.Type));
    }

    [Fact]
    public async Task ProcessAsync_ExchangeForADearerProductWithAnUpsell_RecordsTheStoresSalesAndPaysNothingBack()
    {
        var request = new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", [new StoreReturnItem("SNK-42", 1, "too_small", AsNew)])
        {
            Resolution = RefundTypes.Exchange,
            ExchangeItems = [ExchangeItem.OtherProduct("SNK-43-TRAIL", 1, Eur(99.95m))],
            Upsells = [new StoreSale("SOCK-3PK", 1, Eur(9.95m), IsExchange: false)],
        };

        var receipt = await Desk.ProcessAsync(request, new IdempotencyKey("desk-x"), Ct);

        Assert.Equal(Eur(16.26m), receipt.AmountDue); // 99.95 - 83.69, paid at the till
        Assert.Equal(
            [new StoreSale("SNK-43-TRAIL", 1, Eur(16.26m), IsExchange: true), new StoreSale("SOCK-3PK", 1, Eur(9.95m), IsExchange: false)],
            receipt.Return.StoreHandling!.Sales);
        Assert.Empty(_gateway.Calls);
        Assert.Equal(ReturnState.Exchanged, receipt.Return.State);
    }

    [Fact]
    public async Task ProcessAsync_PortalReturnShownAsQrCode_IsCompletedUnderItsOwnNumber()
    {
        var lifecycle = _provider.GetRequiredService<ReturnLifecycle>();
        var portal = await lifecycle.CreateAsync(new NewReturn("C-1", [new ReturnRequestLine("WEB-1", "2", "SNK-42", 1, "too_large") { Condition = AsNew }]), new IdempotencyKey("portal-1"), ReturnActor.Customer, Ct);
        await lifecycle.AuthorizeAsync(portal.Rma, new IdempotencyKey("portal-2"), ReturnActor.System, cancellationToken: Ct);

        var found = await Desk.FindAsync(portal.Rma.Value.ToLowerInvariant(), Ct);
        var receipt = await Desk.ProcessAsync(new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", [new StoreReturnItem("SNK-42", 1, "too_large", AsNew)]) { Rma = portal.Rma }, new IdempotencyKey("desk-qr"), Ct);

        Assert.Equal(portal.Rma, found.Return!.Rma);
        Assert.Equal(portal.Rma, receipt.Return.Rma);
        Assert.Equal(ReturnState.Refunded, receipt.Return.State);
        Assert.Single(await _store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ProcessAsync_BadScans_ReportsEveryProblemAndRecordsNothing()
    {
        var request = new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17",
        [
            new StoreReturnItem("NOT-SOLD", 1, "too_small", AsNew),
            new StoreReturnItem("TEE-M", 4, "too_small", AsNew),
            new StoreReturnItem("SNK-42", 1, "wore_it_once", AsNew),
        ]);

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Desk.ProcessAsync(request, new IdempotencyKey("desk-bad"), Ct));

        Assert.Equal(["items[0].sku", "items[1].quantity"], ex.Errors.Select(e => e.Path));
        Assert.Contains("3 unit(s) of 'TEE-M' left", ex.Errors[1].Message, StringComparison.Ordinal);
        var reason = await Assert.ThrowsAsync<ReturnsValidationException>(() => Desk.ProcessAsync(request with { Items = [request.Items[2]] }, new IdempotencyKey("desk-bad2"), Ct));
        Assert.Equal("items[0].reasonCode", Assert.Single(reason.Errors).Path);
        Assert.Empty(await _store.FindByOrderAsync("WEB-1", Ct));
        Assert.Empty(_gateway.Calls);
    }

    [Fact]
    public async Task ProcessAsync_HostileInput_IsRefusedWithAPathAndNothingIsRecorded()
    {
        var huge = new string('X', 100_000);
        var none = await Assert.ThrowsAsync<ReturnsValidationException>(() => Desk.ProcessAsync(new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", []), new IdempotencyKey("h-1"), Ct));
        var unknownOrder = await Assert.ThrowsAsync<ReturnsValidationException>(() => Desk.ProcessAsync(new StoreReturnRequest(huge, "ST-AMS", "assoc-17", [new StoreReturnItem("SNK-42", 1, "too_large", AsNew)]), new IdempotencyKey("h-2"), Ct));
        var bad = await Assert.ThrowsAsync<ReturnsValidationException>(() => Desk.ProcessAsync(new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17",
        [
            new StoreReturnItem("SNK-42", -1, "too_large", AsNew),
            new StoreReturnItem(huge, 1, "too_large", AsNew),
        ]), new IdempotencyKey("h-3"), Ct));
        var found = await Desk.FindAsync(huge, Ct);

        Assert.Equal("items", Assert.Single(none.Errors).Path);
        Assert.Equal("orderNumber", Assert.Single(unknownOrder.Errors).Path);
        Assert.Equal(["items[0]", "items[1].sku"], bad.Errors.Select(e => e.Path));
        Assert.Empty(found.Orders);
        Assert.Empty(await _store.FindByOrderAsync("WEB-1", Ct));
        Assert.Empty(_gateway.Calls);
    }

    [Fact]
    public async Task ProcessAsync_SwappedItem_IsRefusedAtTheDesk()
    {
        var request = new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", [new StoreReturnItem("SNK-42", 1, "too_large", AsNew) { ItemSwapped = true }]);

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Desk.ProcessAsync(request, new IdempotencyKey("desk-swap"), Ct));

        Assert.Contains("cannot be accepted", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        Assert.Empty(await _store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ProcessAsync_UnitsAlreadyReturnedInAnEarlierVisit_AreNotReturnedTwice()
    {
        await Desk.ProcessAsync(new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", [new StoreReturnItem("TEE-M", 2, "too_small", AsNew)]), new IdempotencyKey("visit-1"), Ct);

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() =>
            Desk.ProcessAsync(new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", [new StoreReturnItem("TEE-M", 2, "too_small", AsNew)]), new IdempotencyKey("visit-2"), Ct));
        var last = await Desk.ProcessAsync(new StoreReturnRequest("WEB-1", "ST-AMS", "assoc-17", [new StoreReturnItem("TEE-M", 1, "too_small", AsNew)]), new IdempotencyKey("visit-3"), Ct);

        Assert.Contains("1 unit(s) of 'TEE-M' left", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
        Assert.Equal(Eur(16.70m), last.Refunds[0].Calculation.Total); // 50.11 - 33.41 for the first two
    }

    [Fact]
    public void AddStoreReturnDesk_WithoutAWarehouse_FailsOnStart()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddStoreReturnDesk(_ => { });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Warehouse is required", ex.Message, StringComparison.Ordinal);
    }
}
