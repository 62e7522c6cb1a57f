using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Testing;

/// <summary>
/// A configurable in-memory carrier for retailers' own tests: fixed prices, drop-off points, an optional delay and
/// an optional failure, and a record of every call. It passes the conformance kit as configured by default.
/// </summary>
public sealed class FakeCarrier : CarrierAdapter
{
    private readonly ConcurrentDictionary<string, ReturnShipment> _shipments = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _calls = new();
    private readonly TimeProvider _timeProvider;
    private int _sequence;

    /// <summary>Creates a fake carrier.</summary>
    /// <param name="carrierId">Its id.</param>
    /// <param name="price">What every service charges.</param>
    /// <param name="timeProvider">The clock delays and tracking events use; the system clock when <see langword="null"/>.</param>
    public FakeCarrier(string carrierId, Money price, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(carrierId);
        CarrierId = carrierId;
        Price = price;
        _timeProvider = timeProvider ?? TimeProvider.System;
        Capabilities = new CarrierCapabilities(
            [new CarrierService("standard", "Standard return", [ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker], LabelModes.Printed | LabelModes.PrinterlessQr)],
            CarrierFeatures.LiveRates | CarrierFeatures.DropOffPoints | CarrierFeatures.Tracking | CarrierFeatures.Cancellation);
    }

    /// <inheritdoc />
    public override string CarrierId { get; }

    /// <inheritdoc />
    public override CarrierCapabilities Capabilities { get; }

    /// <summary>What every service charges.</summary>
    public Money Price { get; set; }

    /// <summary>How long every call takes (on the fake's clock); none by default.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every call fails with this exception.</summary>
    public CarrierException? Failure { get; set; }

    /// <summary>The drop-off points <see cref="ListDropOffPointsAsync"/> searches.</summary>
    public IList<DropOffPoint> DropOffPoints { get; } = [];

    /// <summary>The operations called so far, in order (e.g. <c>QuoteAsync</c>).</summary>
    public IReadOnlyCollection<string> Calls => _calls;

    /// <inheritdoc />
    public override async Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnterAsync(nameof(QuoteAsync), cancellationToken).ConfigureAwait(false);
        var service = Capabilities.Services[0];
        return [.. service.ReturnMethods
            .Where(m => request.ReturnMethod is null || request.ReturnMethod == m)
            .Select(m => new RateQuote(CarrierId, service.Code, m, Price) { LabelModes = service.LabelModes, TransitDays = 2, BillableWeight = request.Parcel.Weight })];
    }

    /// <inheritdoc />
    public override async Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await EnterAsync(nameof(CreateShipmentAsync), cancellationToken).ConfigureAwait(false);
        return _shipments.GetOrAdd(request.IdempotencyKey, _ =>
        {
            var tracking = string.Create(CultureInfo.InvariantCulture, $"FAKE{Interlocked.Increment(ref _sequence):D8}");
            return new ReturnShipment(CarrierId, request.ServiceCode, tracking)
            {
                Label = request.LabelMode == LabelModes.Printed ? new LabelDocument(LabelDocumentFormat.Zpl, "application/x-zpl", Encoding.ASCII.GetBytes($"^XA^FO50,50^BCN,100,Y,N,N^FD{tracking}^FS^XZ")) : null,
                QrPayload = request.LabelMode == LabelModes.PrinterlessQr ? $"{CarrierId}:{tracking}" : null,
                Price = Price,
            };
        });
    }

    /// <inheritdoc />
    public override async Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        await EnterAsync(nameof(ListDropOffPointsAsync), cancellationToken).ConfigureAwait(false);
        return [.. DropOffPoints
            .Select(p => p with { DistanceKm = query.Near.DistanceKmTo(p.Location) })
            .Where(p => p.DistanceKm <= query.RadiusKm && (query.Kind is null || p.Kind == query.Kind))
            .OrderBy(p => p.DistanceKm).ThenBy(p => p.Id, StringComparer.Ordinal)
            .Take(query.Limit)];
    }

    /// <inheritdoc />
    public override async Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken)
    {
        await EnterAsync(nameof(TrackAsync), cancellationToken).ConfigureAwait(false);
        var known = _shipments.Values.Any(s => s.TrackingNumber == trackingNumber);
        var events = known ? new[] { new TrackingEvent(_timeProvider.GetUtcNow(), TrackingStatus.LabelCreated, "Label created") } : [];
        return new TrackingResult(trackingNumber, TrackingStatus.LabelCreated, events);
    }

    /// <inheritdoc />
    public override async Task CancelShipmentAsync(ReturnShipment shipment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        await EnterAsync(nameof(CancelShipmentAsync), cancellationToken).ConfigureAwait(false);
    }

    private async Task EnterAsync(string operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _calls.Enqueue(operation);
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await Task.Yield();
        }

        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
