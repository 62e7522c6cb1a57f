using System.Globalization;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Internal;

// Normalises a Shipment Tracking - Unified answer. Its statusCode is one of pre-transit, transit, delivered, failure
// and unknown; an "unknown" event says nothing new, so the parcel keeps the status it had.
internal static class DhlTracking
{
    public static TrackingResult ToResult(string trackingNumber, DhlTrackedShipment shipment)
    {
        var events = new List<TrackingEvent>();
        var current = TrackingStatus.LabelCreated;
        foreach (var (at, dhl) in shipment.Events
            .Select(e => (At: ReadTime(e.Timestamp), Event: e))
            .Where(e => e.At is not null)
            .OrderBy(e => e.At))
        {
            current = ToStatus(dhl.StatusCode) ?? current;
            events.Add(new TrackingEvent(at!.Value, current, dhl.Description ?? dhl.Status ?? dhl.StatusCode ?? string.Empty)
            {
                CarrierCode = dhl.StatusCode,
                Location = dhl.Location?.Address?.AddressLocality,
            });
        }

        var status = ToStatus(shipment.Status?.StatusCode) ?? (events.Count > 0 ? events[^1].Status : TrackingStatus.LabelCreated);
        return new TrackingResult(trackingNumber, status, events) { EstimatedDelivery = ReadTime(shipment.EstimatedTimeOfDelivery) };
    }

    internal static TrackingStatus? ToStatus(string? statusCode) => statusCode?.Trim().ToLowerInvariant() switch
    {
        "pre-transit" => TrackingStatus.LabelCreated,
        "transit" => TrackingStatus.InTransit,
        "delivered" => TrackingStatus.Delivered,
        "failure" => TrackingStatus.Exception,
        _ => null,
    };

    // DHL writes times with an offset ("2024-03-01T10:15:00+01:00", "...Z") and, for some products, without one; those
    // are read as UTC rather than dropped.
    private static DateTimeOffset? ReadTime(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
