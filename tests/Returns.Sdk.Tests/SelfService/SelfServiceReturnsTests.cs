using Returns.Sdk.Lifecycle;
using Returns.Sdk.Policy;
using Returns.Sdk.SelfService;
using static Returns.Sdk.Tests.SelfService.SelfServiceHarness;

namespace Returns.Sdk.Tests.SelfService;

public sealed class SelfServiceReturnsTests : IDisposable
{
    private readonly SelfServiceHarness _harness = new();

    private SelfServiceReturns Service => _harness.Service;

    public void Dispose() => _harness.Dispose();

    private async Task<ReturnRequest> ExistingReturn(string orderNumber, string lineId, int quantity, string key)
    {
        var created = await _harness.Lifecycle.CreateAsync(new NewReturn("C-1", [new ReturnRequestLine(orderNumber, lineId, "SKU", quantity, "too_small")]), new IdempotencyKey(key), ReturnActor.Customer, Ct);
        return await _harness.Lifecycle.AuthorizeAsync(created.Rma, new IdempotencyKey(key + "-auth"), ReturnActor.System, cancellationToken: Ct);
    }

    [Fact]
    public async Task GetOrderAsync_UnknownOrder_ReturnsNull()
    {
        Assert.Null(await Service.GetOrderAsync("WEB-404", Ct));
    }

    [Fact]
    public async Task GetOrderAsync_KnownOrder_EveryLineCarriesItsVerdictInOrderOrder()
    {
        var order = await Service.GetOrderAsync("WEB-1", Ct);

        Assert.NotNull(order);
        Assert.Equal(["1", "2", "3", "4", "5"], order.Lines.Select(l => l.Line.LineId));
        Assert.All(order.Lines, l => Assert.Equal(l.Line.LineId, l.Decision.LineId));
        var cap = order.Lines[2].Decision;
        Assert.False(cap.IsReturnable);
        Assert.Equal(PolicyDecisionCode.FinalSale, cap.Code);
        Assert.Equal((true, 3), (order.Lines[0].Decision.IsReturnable, order.Lines[0].Decision.ReturnableQuantity));
        Assert.All(order.Lines, l => Assert.Equal(0, l.UnitsOnReturns));
        Assert.Empty(order.Returns);
        Assert.Equal(ReturnReasonTaxonomy.Standard.Reasons.Select(r => r.Code), order.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task GetOrderAsync_UnitsOnAnEarlierLiveReturn_ReduceWhatIsLeft()
    {
        var earlier = await ExistingReturn("WEB-1", "1", 2, "earlier");
        await ExistingReturn("WEB-2", "1", 3, "other-order");

        var order = await Service.GetOrderAsync("WEB-1", Ct);

        var tee = order!.Lines[0];
        Assert.Equal((2, 1), (tee.UnitsOnReturns, tee.Decision.ReturnableQuantity));
        Assert.Equal(earlier.Rma, Assert.Single(order.Returns).Rma);
    }

    [Fact]
    public async Task GetOrderAsync_CancelledReturn_GivesItsUnitsBack()
    {
        var earlier = await ExistingReturn("WEB-1", "2", 1, "cancelled");
        await _harness.Lifecycle.CancelAsync(earlier.Rma, "changed my mind", new IdempotencyKey("cancel-1"), ReturnActor.Customer, Ct);

        var order = await Service.GetOrderAsync("WEB-1", Ct);

        var shoes = order!.Lines[1];
        Assert.Equal((0, true, 1), (shoes.UnitsOnReturns, shoes.Decision.IsReturnable, shoes.Decision.ReturnableQuantity));
        Assert.Equal(ReturnState.Cancelled, Assert.Single(order.Returns).State);
    }

    [Fact]
    public async Task GetOrderAsync_SeveralReturns_NewestFirst()
    {
        var first = await ExistingReturn("WEB-1", "1", 1, "first");
        _harness.Time.Advance(TimeSpan.FromHours(1));
        var second = await ExistingReturn("WEB-1", "4", 1, "second");

        var order = await Service.GetOrderAsync("WEB-1", Ct);

        Assert.Equal([second.Rma, first.Rma], order!.Returns.Select(r => r.Rma));
    }

    [Fact]
    public async Task FindReturnAsync_AnotherOrdersRma_ReturnsNull()
    {
        var other = await ExistingReturn("WEB-2", "1", 1, "web-2");
        var own = await ExistingReturn("WEB-1", "1", 1, "web-1");

        Assert.Null(await Service.FindReturnAsync("WEB-1", other.Rma, Ct));
        Assert.Null(await Service.FindReturnAsync("WEB-1", RmaNumber.NewRandom(), Ct));
        Assert.Equal(own.Rma, (await Service.FindReturnAsync("WEB-1", own.Rma, Ct))?.Rma);
        Assert.Equal(other.Rma, (await Service.FindReturnAsync("WEB-2", other.Rma, Ct))?.Rma);
    }

    [Fact]
    public async Task QuoteAsync_BadItems_EveryProblemReportedAtOnceWithItsPath()
    {
        var request = Request(
            Item("1", quantity: 0),
            Item("99"),
            Item("2", reason: "wore_it_once"),
            Item("4", reason: "other"),
            Item("1"),
            Item("5", quantity: -2));

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(request, Ct));

        Assert.Equal(
            ["items[0].quantity", "items[1].lineId", "items[2].reasonCode", "items[3].comment", "items[4].lineId", "items[5].quantity"],
            ex.Errors.Select(e => e.Path));
        Assert.Contains("'99'", ex.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("twice", ex.Errors[4].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAsync_BadItemAndAnItemThePolicyRefuses_BothReportedAtOnce()
    {
        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(Request(Item("99"), Item("3"), Item("1", quantity: 4), Item("2")), Ct));

        Assert.Equal(["items[0].lineId", "items[1]", "items[2].quantity"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public async Task QuoteAsync_OtherWithAComment_IsAccepted()
    {
        var quote = await Service.QuoteAsync(Request(Item("4", reason: "other") with { Comment = "the colour is not as pictured" }), Ct);

        Assert.NotEmpty(quote.Options);
    }

    [Fact]
    public async Task QuoteAsync_ItemsThePolicyRefuses_EveryProblemReportedAtOnceWithItsPath()
    {
        var request = Request(Item("3"), Item("1", quantity: 4), Item("2")) with { Resolution = RefundTypes.StoreCredit };

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(request, Ct));

        Assert.Equal(["items[0]", "items[1].quantity", "resolution"], ex.Errors.Select(e => e.Path));
        Assert.Contains("CAP-SALE", ex.Errors[0].Message, StringComparison.Ordinal);
        Assert.Contains("3 unit(s)", ex.Errors[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAsync_MoreUnitsThanLeftAfterAnEarlierReturn_QuantityError()
    {
        await ExistingReturn("WEB-1", "1", 2, "earlier");

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(Request(Item("1", quantity: 2)), Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("items[0].quantity", error.Path);
        Assert.Contains("1 unit(s)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuoteAsync_OutsideTheWindow_LineRefused()
    {
        _harness.Time.Advance(TimeSpan.FromDays(40));

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(Request(Item("1")), Ct));

        Assert.Equal("items[0]", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public async Task QuoteAsync_NoItems_ErrorOnItems()
    {
        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(Request(), Ct));

        Assert.Equal("items", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public async Task QuoteAsync_MoreItemsThanMaxItems_ErrorOnItemsBeforeAnyLookup()
    {
        using var harness = new SelfServiceHarness(configure: o => o.MaxItems = 2);

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => harness.Service.QuoteAsync(new SelfServiceRequest("WEB-404", [Item("1"), Item("2"), Item("4")]), Ct));
        var two = await harness.Service.QuoteAsync(Request(Item("1"), Item("2")), Ct);

        var error = Assert.Single(ex.Errors);
        Assert.Equal("items", error.Path);
        Assert.Contains("2", error.Message, StringComparison.Ordinal);
        Assert.NotEmpty(two.Options);
    }

    [Fact]
    public async Task QuoteAsync_UnknownOrder_ErrorOnOrderNumber()
    {
        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.QuoteAsync(new SelfServiceRequest("WEB-404", [Item("1")]), Ct));

        Assert.Equal("orderNumber", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public async Task QuoteAsync_ReturnableItems_OptionsRankedWithUniqueKeys()
    {
        var quote = await Service.QuoteAsync(Request(Item("1", quantity: 2), Item("4")), Ct);

        Assert.Equal(Enumerable.Range(1, quote.Options.Count), quote.Options.Select(o => o.Option.Rank));
        Assert.Equal(quote.Options.Count, quote.Options.Select(o => o.Option.Key).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            ["home_pickup:postnl:parcel", "in_store", "post_office:postnl:parcel"],
            quote.Options.Select(o => o.Option.Key).Order(StringComparer.Ordinal));
        var inStore = quote.Find("in_store");
        Assert.NotNull(inStore);
        Assert.Equal((ReturnMethod.InStore, "store-kalverstraat"), (inStore.Option.Method, inStore.Option.NearestLocation!.Point.Id));
        Assert.Null(quote.Find("mailbox"));
        Assert.Equal(2, quote.Policy.Lines.Single(l => l.LineId == "1").RequestedQuantity);
    }

    [Fact]
    public async Task QuoteAsync_PolicyWithAFeePerMethod_RefundDiffersByTheMethodsFee()
    {
        var quote = await Service.QuoteAsync(Request(Item("2")), Ct);

        var inStore = quote.Find("in_store")!.Refund;
        var postOffice = quote.Find("post_office:postnl:parcel")!.Refund;
        var pickup = quote.Find("home_pickup:postnl:parcel")!.Refund;
        Assert.Equal(Eur(89.95m), inStore.Total);
        Assert.Equal((Eur(0m), Eur(3.95m), Eur(6.95m)), (inStore.ReturnFee, postOffice.ReturnFee, pickup.ReturnFee));
        Assert.Equal(Eur(86.00m), postOffice.Total);
        Assert.Equal(Eur(83.00m), pickup.Total);
        Assert.Equal(Eur(3.95m), quote.Find("post_office:postnl:parcel")!.Option.CustomerFee);
    }

    [Fact]
    public async Task QuoteAsync_NothingIsRecorded()
    {
        await Service.QuoteAsync(Request(Item("2")), Ct);

        Assert.Empty(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
        Assert.Equal(0, _harness.Carrier.Shipments);
    }
}
