using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.Tests.Lifecycle;

public sealed class ReturnLifecycleTrackingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 27, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly InMemoryReturnStore _store = new();
    private readonly CountingCarrier _carrier = new();
    private int _keys;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ReturnLifecycle Lifecycle(bool deliveryMeansReceived = true) =>
        new(_store, [_carrier], Options.Create(new ReturnLifecycleOptions { CarrierDeliveryMeansReceived = deliveryMeansReceived }), _time);

    private async Task<ReturnRequest> Shipped(ReturnLifecycle lifecycle)
    {
        var r = await lifecycle.CreateAsync(new NewReturn("c", [new ReturnRequestLine("W1", "L1", "S1", 1, "too_large")]), new($"k{++_keys}"), ReturnActor.Customer, Ct);
        await lifecycle.AuthorizeAsync(r.Rma, new($"k{++_keys}"), ReturnActor.System, cancellationToken: Ct);
        var label = new LabelRequest("counting", "std", ReturnMethod.PostOffice, new Parcel(Weight.FromGrams(500)), new Address(CountryCode.Parse("DE"), "10115"), new Address(CountryCode.Parse("DE"), "20095")) { WarehouseId = "WH-HH" };
        return (await lifecycle.IssueLabelAsync(r.Rma, label, new($"k{++_keys}"), ReturnActor.Customer, Ct)).Return;
    }

    private static TrackingEvent At(int hour, TrackingStatus status) => new(Start.AddHours(hour), status, status.ToString());

    [Fact]
    public async Task ApplyTrackingAsync_HandedOver_MovesToInTransitWithEstimate()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);
        var estimate = Start.AddDays(2);

        var after = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(1, TrackingStatus.HandedOver)], estimate, Ct);

        Assert.Equal(ReturnState.InTransit, after!.State);
        Assert.Equal(estimate, after.ExpectedArrival);
        Assert.Equal(Start.AddHours(1), after.TrackingUpdatedAt);
        var last = (await lifecycle.GetHistoryAsync(shipped.Rma, Ct))[^1];
        Assert.Equal(("in_transit", ReturnChannel.CarrierEvent, "counting"), (last.Action, last.Actor.Channel, last.Actor.ActorId));
    }

    [Fact]
    public async Task ApplyTrackingAsync_DuplicateAndLateEvents_ChangeNothing()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);
        var moved = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(1, TrackingStatus.HandedOver), At(5, TrackingStatus.InTransit)], Start.AddDays(2), Ct);

        var duplicate = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(5, TrackingStatus.InTransit)], Start.AddDays(9), Ct);
        var late = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(3, TrackingStatus.InTransit)], Start.AddDays(7), Ct);

        Assert.Equal(moved!.Version, duplicate!.Version);
        Assert.Equal(moved.Version, late!.Version);
        Assert.Equal(Start.AddDays(2), late.ExpectedArrival);
    }

    [Fact]
    public async Task ApplyTrackingAsync_OutOfOrderBatch_TakesFurthestProgressAndNewestTime()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);

        var after = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(30, TrackingStatus.Delivered), At(2, TrackingStatus.HandedOver), At(20, TrackingStatus.OutForDelivery)], null, Ct);

        Assert.Equal(ReturnState.Received, after!.State);
        Assert.Equal(Start.AddHours(30), after.TrackingUpdatedAt);
        var last = (await lifecycle.GetHistoryAsync(shipped.Rma, Ct))[^1];
        Assert.Equal(("received", "WH-HH"), (last.Action, last.Actor.LocationId));
    }

    [Fact]
    public async Task ApplyTrackingAsync_DeliveredWhenWarehouseScansItself_StaysInTransit()
    {
        var lifecycle = Lifecycle(deliveryMeansReceived: false);
        var shipped = await Shipped(lifecycle);

        var after = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(30, TrackingStatus.Delivered)], null, Ct);

        Assert.Equal(ReturnState.InTransit, after!.State);
    }

    [Fact]
    public async Task ApplyTrackingAsync_NewerEstimateOnly_RaisesArrivalUpdated()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);
        await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(1, TrackingStatus.InTransit)], Start.AddDays(2), Ct);

        var after = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(9, TrackingStatus.InTransit)], Start.AddDays(3), Ct);

        Assert.Equal(Start.AddDays(3), after!.ExpectedArrival);
        var events = await _store.LeaseOutboxAsync(100, Start.AddDays(30), TimeSpan.FromMinutes(1), Ct);
        Assert.Equal(ReturnEventTypes.ArrivalUpdated, events[^1].Event.Type);
    }

    [Fact]
    public async Task ApplyTrackingAsync_UnknownTrackingNumber_ReturnsNull() =>
        Assert.Null(await Lifecycle().ApplyTrackingAsync("NOPE", [At(1, TrackingStatus.InTransit)], null, Ct));

    [Fact]
    public async Task ApplyTrackingAsync_AfterReturnWasReceivedInStore_NeverMovesBack()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);
        await lifecycle.MarkReceivedAsync(shipped.Rma, "STORE-3", new("k-store"), new ReturnActor(ReturnChannel.Store, "assoc"), Ct);

        var after = await lifecycle.ApplyTrackingAsync(shipped.TrackingNumber!, [At(40, TrackingStatus.InTransit)], null, Ct);

        Assert.Equal(ReturnState.Received, after!.State);
        Assert.Equal("STORE-3", after.StoreId);
    }

    [Fact]
    public async Task PollTrackingAsync_CarrierReportsDelivery_UpdatesReturn()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);
        _carrier.NextTracking = new TrackingResult(shipped.TrackingNumber!, TrackingStatus.InTransit, [At(4, TrackingStatus.InTransit)]) { EstimatedDelivery = Start.AddDays(1) };

        var result = await lifecycle.PollTrackingAsync(Ct);

        Assert.Equal(new TrackingPollResult(1, 1, 0), result);
        Assert.Equal(Start.AddDays(1), (await _store.FindAsync(shipped.Rma, Ct))!.ExpectedArrival);
    }

    [Fact]
    public async Task PollTrackingAsync_CarrierFails_CountsFailureAndKeepsReturn()
    {
        var lifecycle = Lifecycle();
        var shipped = await Shipped(lifecycle);
        _carrier.NextTracking = null;
        var failing = new FailingTracker(_carrier);
        var withFailing = new ReturnLifecycle(_store, [failing], Options.Create(new ReturnLifecycleOptions()), _time);

        var result = await withFailing.PollTrackingAsync(Ct);

        Assert.Equal(new TrackingPollResult(1, 0, 1), result);
        Assert.Equal(ReturnState.LabelIssued, (await _store.FindAsync(shipped.Rma, Ct))!.State);
    }

    private sealed class FailingTracker(CarrierAdapter inner) : CarrierAdapter
    {
        public override string CarrierId => inner.CarrierId;

        public override CarrierCapabilities Capabilities => inner.Capabilities;

        public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) => inner.QuoteAsync(request, cancellationToken);

        public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) => inner.CreateShipmentAsync(request, cancellationToken);

        public override Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken) =>
            throw new CarrierException(CarrierId, "tracking timed out", isTransient: true);
    }
}
