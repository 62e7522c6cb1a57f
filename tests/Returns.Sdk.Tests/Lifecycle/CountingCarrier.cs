using System.Text;
using Returns.Sdk.Carriers;

namespace Returns.Sdk.Tests.Lifecycle;

// Counts shipments so tests can prove a retried request does not buy a second label.
internal sealed class CountingCarrier : CarrierAdapter
{
    private int _shipments;

    public CountingCarrier(string carrierId = "counting")
    {
        CarrierId = carrierId;
        Capabilities = new CarrierCapabilities(
            [new CarrierService("std", "Standard", [ReturnMethod.PostOffice, ReturnMethod.ParcelLocker], LabelModes.Printed | LabelModes.PrinterlessQr)],
            CarrierFeatures.Tracking | CarrierFeatures.Cancellation);
    }

    public override string CarrierId { get; }

    public override CarrierCapabilities Capabilities { get; }

    public int Shipments => _shipments;

    public int Cancellations { get; private set; }

    public List<string> IdempotencyKeys { get; } = [];

    public Exception? Failure { get; set; }

    public Exception? CancelFailure { get; set; }

    public TrackingResult? NextTracking { get; set; }

    public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<RateQuote>>([]);

    public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken)
    {
        if (Failure is { } failure)
        {
            throw failure;
        }

        var n = Interlocked.Increment(ref _shipments);
        lock (IdempotencyKeys)
        {
            IdempotencyKeys.Add(request.IdempotencyKey);
        }

        return Task.FromResult(new ReturnShipment(CarrierId, request.ServiceCode, $"TRK{n:D6}")
        {
            Label = new LabelDocument(LabelDocumentFormat.Pdf, "application/pdf", Encoding.ASCII.GetBytes($"%PDF label {n} for {request.RmaNumber}")),
            QrPayload = $"QR-{n}",
        });
    }

    public override Task CancelShipmentAsync(ReturnShipment shipment, CancellationToken cancellationToken)
    {
        Cancellations++;
        return CancelFailure is { } failure ? Task.FromException(failure) : Task.CompletedTask;
    }

    public override Task<TrackingResult> TrackAsync(string trackingNumber, CancellationToken cancellationToken) =>
        Task.FromResult(NextTracking ?? new TrackingResult(trackingNumber, TrackingStatus.LabelCreated, []));
}
