using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;
using Returns.Sdk.SelfService;
using Returns.Sdk.Tests.ReturnOptions;
using static Returns.Sdk.Tests.SelfService.SelfServiceHarness;

namespace Returns.Sdk.Tests.SelfService;

public sealed class SelfServiceConfirmTests : IDisposable
{
    private const string PostOffice = "post_office:postnl:parcel";
    private readonly SelfServiceHarness _harness = new();

    private SelfServiceReturns Service => _harness.Service;

    public void Dispose() => _harness.Dispose();

    // Noon of the option's arrival day in Amsterdam, which is UTC+1 until the end of March.
    private static DateTimeOffset NoonInAmsterdam(DateOnly day) => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(1));

    [Fact]
    public async Task ConfirmAsync_CarrierOption_LabelIssuedWithEverythingRecorded()
    {
        var request = Request(Item("1", quantity: 2), Item("4"));

        var confirmation = await Service.ConfirmAsync(request, PostOffice, null, new IdempotencyKey("confirm-1"), Ct);

        var r = confirmation.Return;
        Assert.Equal(ReturnState.LabelIssued, r.State);
        Assert.Equal((ReturnMethod.PostOffice, "postnl", "parcel", "WH-1"), (r.Method, r.CarrierId, r.ServiceCode, r.WarehouseId));
        Assert.Equal("3SRET000001", r.TrackingNumber);
        Assert.Equal(NoonInAmsterdam(confirmation.Option.Option.ExpectedArrival), r.ExpectedArrival);
        Assert.True(r.ExpectedArrival > Now);
        Assert.Equal([("1", 2), ("4", 1)], r.Lines.Select(l => (l.LineId, l.Quantity)));
        Assert.Equal(LabelModes.PrinterlessQr, confirmation.LabelMode);
        Assert.Equal((ReturnLifecycle.LabelAttachment, "application/pdf"), (confirmation.Label?.Name, confirmation.Label?.MediaType));
        Assert.Equal("PNL-QR-1", confirmation.QrPayload);
        Assert.Equal(PostOffice, confirmation.Option.Option.Key);
        Assert.Equal(Eur(3.95m), confirmation.Option.Refund.ReturnFee);
        var stored = await _harness.Store.FindAsync(r.Rma, Ct);
        Assert.Equal(ReturnState.LabelIssued, stored!.State);
        Assert.NotNull(await _harness.Store.FindAttachmentAsync(r.Rma, ReturnLifecycle.LabelAttachment, Ct));
        var history = await _harness.Store.GetHistoryAsync(r.Rma, Ct);
        Assert.Equal(["created", "authorized", "label_issued"], history.Select(h => h.Action));
        Assert.Equal((ReturnChannel.Portal, "C-1"), (history[0].Actor.Channel, history[0].Actor.ActorId));
        Assert.Equal(1, _harness.Carrier.Shipments);
    }

    [Fact]
    public async Task ConfirmAsync_PrintedLabelAsked_PrintedLabelIssued()
    {
        var confirmation = await Service.ConfirmAsync(Request(Item("5")), PostOffice, LabelModes.Printed, new IdempotencyKey("printed"), Ct);

        Assert.Equal((ReturnState.LabelIssued, LabelModes.Printed), (confirmation.Return.State, confirmation.LabelMode));
    }

    [Fact]
    public async Task ConfirmAsync_InStore_AuthorizedWithTheRmaAsQrPayloadAndNoLabel()
    {
        var confirmation = await Service.ConfirmAsync(Request(Item("2")), "in_store", null, new IdempotencyKey("store-1"), Ct);

        var r = confirmation.Return;
        Assert.Equal(ReturnState.Authorized, r.State);
        Assert.Equal(r.Rma.Value, confirmation.QrPayload);
        Assert.Null(confirmation.Label);
        Assert.Equal(LabelModes.None, confirmation.LabelMode);
        Assert.Equal((ReturnMethod.InStore, "store-kalverstraat", "WH-1", (string?)null), (r.Method, r.StoreId, r.WarehouseId, r.CarrierId));
        Assert.Equal(NoonInAmsterdam(confirmation.Option.Option.ExpectedArrival), r.ExpectedArrival);
        Assert.Equal(Eur(89.95m), confirmation.Option.Refund.Total);
        Assert.Equal(0, _harness.Carrier.Shipments);
    }

    [Fact]
    public async Task ConfirmAsync_SameKeyTwice_SameReturnAndOneCarrierShipment()
    {
        var request = Request(Item("2"));

        var first = await Service.ConfirmAsync(request, PostOffice, null, new IdempotencyKey("twice"), Ct);
        var second = await Service.ConfirmAsync(request, PostOffice, null, new IdempotencyKey("twice"), Ct);

        Assert.Equal(first.Return.Rma, second.Return.Rma);
        Assert.Equal(ReturnState.LabelIssued, second.Return.State);
        Assert.Equal(first.QrPayload, second.QrPayload);
        Assert.Equal(1, _harness.Carrier.Shipments);
        Assert.Single(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ConfirmAsync_InStoreSameKeyTwice_SameReturn()
    {
        var request = Request(Item("1", quantity: 3));

        var first = await Service.ConfirmAsync(request, "in_store", null, new IdempotencyKey("store-twice"), Ct);
        var second = await Service.ConfirmAsync(request, "in_store", null, new IdempotencyKey("store-twice"), Ct);

        Assert.Equal(first.Return.Rma, second.Return.Rma);
        Assert.Equal(ReturnState.Authorized, second.Return.State);
        Assert.Single(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ConfirmAsync_UnknownOptionKey_ErrorOnOptionKeyAndNothingRecorded()
    {
        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.ConfirmAsync(Request(Item("2")), "mailbox:postnl:parcel", null, new IdempotencyKey("unknown"), Ct));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("optionKey", error.Path);
        Assert.Contains(PostOffice, error.Message, StringComparison.Ordinal);
        Assert.Empty(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Theory]
    [InlineData(LabelModes.Mailed)]
    [InlineData(LabelModes.Printed | LabelModes.PrinterlessQr)]
    [InlineData(LabelModes.None)]
    public async Task ConfirmAsync_LabelModeNotOffered_ErrorOnLabelModeAndNothingRecorded(LabelModes mode)
    {
        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.ConfirmAsync(Request(Item("2")), PostOffice, mode, new IdempotencyKey("mode"), Ct));

        Assert.Equal("labelMode", Assert.Single(ex.Errors).Path);
        Assert.Empty(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
        Assert.Equal(0, _harness.Carrier.Shipments);
    }

    [Fact]
    public async Task ConfirmAsync_CarrierFailsOnTheLabel_ReturnStaysAuthorizedAndARetryWithTheSameKeyIssuesIt()
    {
        var request = Request(Item("2"));
        _harness.Carrier.Failure = new CarrierException("postnl", "503 from the label API", isTransient: true);

        await Assert.ThrowsAsync<CarrierException>(() => Service.ConfirmAsync(request, PostOffice, null, new IdempotencyKey("flaky"), Ct));
        var recorded = Assert.Single(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
        _harness.Carrier.Failure = null;
        var retry = await Service.ConfirmAsync(request, PostOffice, null, new IdempotencyKey("flaky"), Ct);

        Assert.Equal(ReturnState.Authorized, recorded.State);
        Assert.Equal(recorded.Rma, retry.Return.Rma);
        Assert.Equal(ReturnState.LabelIssued, retry.Return.State);
        Assert.NotNull(retry.Label);
        Assert.Equal(1, _harness.Carrier.Shipments);
        Assert.Single(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ConfirmAsync_SameUnitsAgainWithAnotherKey_RefusedBecauseNoUnitsAreLeft()
    {
        var first = await Service.ConfirmAsync(Request(Item("2")), PostOffice, null, new IdempotencyKey("first"), Ct);

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.ConfirmAsync(Request(Item("2")), "in_store", null, new IdempotencyKey("second"), Ct));

        var error = Assert.Single(ex.Errors);
        Assert.StartsWith("items[0]", error.Path, StringComparison.Ordinal);
        Assert.Contains("SNK-42", error.Message, StringComparison.Ordinal);
        Assert.Equal(first.Return.Rma, Assert.Single(await _harness.Store.FindByOrderAsync("WEB-1", Ct)).Rma);
    }

    // A claim left behind on "second" would make the last confirmation wait on the fake clock forever: hence the timeout.
    [Fact(Timeout = 30_000)]
    public async Task ConfirmAsync_OtherKeyWhileAnEarlierLabelFailed_RefusedAndThatKeyStaysUsable()
    {
        var ct = TestContext.Current.CancellationToken;
        _harness.Carrier.Failure = new CarrierException("postnl", "503 from the label API", isTransient: true);
        await Assert.ThrowsAsync<CarrierException>(() => Service.ConfirmAsync(Request(Item("2")), PostOffice, null, new IdempotencyKey("first"), ct));
        _harness.Carrier.Failure = null;

        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.ConfirmAsync(Request(Item("2")), PostOffice, null, new IdempotencyKey("second"), ct));
        var other = await Service.ConfirmAsync(Request(Item("5")), PostOffice, null, new IdempotencyKey("second"), ct);

        Assert.Equal("items[0]", Assert.Single(ex.Errors).Path);
        Assert.Equal([("5", 1)], other.Return.Lines.Select(l => (l.LineId, l.Quantity)));
        Assert.Equal(2, (await _harness.Store.FindByOrderAsync("WEB-1", ct)).Count);
    }

    [Fact]
    public async Task ConfirmAsync_RetryAfterAFailedLabel_OneEntryPerStepInTheHistory()
    {
        var request = Request(Item("1", quantity: 3));
        _harness.Carrier.Failure = new CarrierException("postnl", "timeout", isTransient: true);
        await Assert.ThrowsAsync<CarrierException>(() => Service.ConfirmAsync(request, PostOffice, LabelModes.Printed, new IdempotencyKey("again"), Ct));
        _harness.Carrier.Failure = null;

        var retry = await Service.ConfirmAsync(request, PostOffice, LabelModes.Printed, new IdempotencyKey("again"), Ct);

        var history = await _harness.Store.GetHistoryAsync(retry.Return.Rma, Ct);
        Assert.Equal(["created", "authorized", "label_issued"], history.Select(h => h.Action));
        Assert.Equal(LabelModes.Printed, retry.LabelMode);
    }

    [Fact]
    public async Task ConfirmAsync_KeyLongerThan190_ArgumentExceptionAndNothingRecorded()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Service.ConfirmAsync(Request(Item("2")), "in_store", null, new IdempotencyKey(new string('k', 191)), Ct));

        Assert.Equal("key", ex.ParamName);
        Assert.Empty(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ConfirmAsync_KeyOf190_EveryDerivedStepKeyFits()
    {
        var confirmation = await Service.ConfirmAsync(Request(Item("2")), PostOffice, null, new IdempotencyKey(new string('k', 190)), Ct);

        Assert.Equal(ReturnState.LabelIssued, confirmation.Return.State);
    }

    [Fact]
    public async Task ConfirmAsync_InvalidRequest_SameErrorsAsTheQuote()
    {
        var ex = await Assert.ThrowsAsync<ReturnsValidationException>(() => Service.ConfirmAsync(Request(Item("99")), "in_store", null, new IdempotencyKey("bad"), Ct));

        Assert.Equal("items[0].lineId", Assert.Single(ex.Errors).Path);
        Assert.Empty(await _harness.Store.FindByOrderAsync("WEB-1", Ct));
    }

    [Fact]
    public async Task ConfirmAsync_CustomerLocationGiven_NearestPlacesAreFromThere()
    {
        // Rotterdam: the only post office within reach is the one there; no store is near.
        var request = Request(Item("2")) with { CustomerLocation = new GeoPoint(51.9225, 4.4792) };

        var quote = await Service.QuoteAsync(request, Ct);
        var confirmation = await Service.ConfirmAsync(request, PostOffice, null, new IdempotencyKey("rotterdam"), Ct);

        Assert.Null(quote.Find("in_store"));
        Assert.Equal("po-rotterdam", quote.Find(PostOffice)!.Option.NearestLocation!.Point.Id);
        Assert.Equal("po-rotterdam", confirmation.Option.Option.NearestLocation!.Point.Id);
        Assert.Equal(OptionFixtures.CustomerAt.DistanceKmTo(new GeoPoint(51.9225, 4.4792)) > 25, quote.Find("in_store") is null);
    }
}
