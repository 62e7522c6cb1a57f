namespace Returns.Sdk.Carriers;

/// <summary>
/// The base of every carrier adapter. Quoting and creating shipments are required; drop-off points, cancellation,
/// tracking and pickups are optional and answer <see cref="CarrierOperationNotSupportedException"/> until an adapter
/// overrides them and declares them in <see cref="CarrierCapabilities.Features"/>.
/// </summary>
/// <remarks>
/// An abstract class rather than an interface, with every request a record, so that the contract can grow (a new
/// optional operation, a new request field) without breaking adapters already written. Adapters are registered as
/// singletons and must be thread-safe; every method honours its cancellation token and never blocks a thread.
/// Failures are <see cref="CarrierException"/>s with <see cref="CarrierException.IsTransient"/> set truthfully.
/// </remarks>
public abstract class CarrierAdapter
{
    /// <summary>A stable, lower-case id for the carrier, e.g. <c>ups</c>; unique among registered adapters.</summary>
    public abstract string CarrierId { get; }

    /// <summary>What the adapter can do.</summary>
    public abstract CarrierCapabilities Capabilities { get; }

    /// <summary>Quotes every fitting service for a parcel; an empty list when none fits.</summary>
    /// <param name="request">The parcel and the two addresses.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The quotes.</returns>
    public abstract Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken);

    /// <summary>Creates a return shipment and its label. The same idempotency key never buys a second label.</summary>
    /// <param name="request">The shipment to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The shipment with its tracking number and label.</returns>
    public abstract Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken);

    /// <summary>Lists drop-off points near a location, nearest first.</summary>
    /// <param name="query">Where and what to look for.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The points.</returns>
    public virtual Task<IReadOnlyList<DropOffPoint>> ListDropOffPointsAsync(DropOffPointQuery query, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<DropOffPoint>>(new CarrierOperationNotSupportedException(CarrierId, nameof(ListDropOffPointsAsync)));

    /// <summary>Cancels a shipment that has not been handed over.</summary>
    /// <param name="shipment">The shipment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the carrier confirmed.</returns>
    public virtual Task CancelShipmentAsync(ReturnShipment shipment, CancellationToken cancellationToken) =>
        Task.FromException(new CarrierOperationNotSupportedException(CarrierId, nameof(CancelShipmentAsync)));

    /// <summary>Reports where a parcel is.</summary>
    /// <param name="trackingNumber">The tracking number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The normalised tracking events.</returns>
    public virtual Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromException<TrackingResult>(new CarrierOperationNotSupportedException(CarrierId, nameof(TrackAsync)));

    /// <summary>Schedules a collection at the customer's address.</summary>
    /// <param name="request">The shipment, address and day.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The confirmation.</returns>
    public virtual Task<PickupConfirmation> SchedulePickupAsync(PickupRequest request, CancellationToken cancellationToken) =>
        Task.FromException<PickupConfirmation>(new CarrierOperationNotSupportedException(CarrierId, nameof(SchedulePickupAsync)));
}
