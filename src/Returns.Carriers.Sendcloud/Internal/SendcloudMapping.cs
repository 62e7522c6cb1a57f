using System.Globalization;
using System.Text;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Carriers.Sendcloud.Internal;

// Pure translations between Sendcloud's vocabulary and the SDK's.
internal static class SendcloudMapping
{
    private static readonly string[] OsmDays = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"];

    public static readonly IReadOnlyList<ReturnMethod> DefaultReturnMethods = [ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker];

    // The returns API's delivery_option: how the customer hands the parcel over.
    public static string? DeliveryOption(ReturnMethod method) => method switch
    {
        ReturnMethod.PostOffice or ReturnMethod.PickupPoint or ReturnMethod.ParcelLocker => "drop_off_point",
        ReturnMethod.HomePickup => "pickup",
        ReturnMethod.InStore => "in_store",
        _ => null,
    };

    // A shipping option's functionalities.first_mile says whether the carrier collects, takes drop-offs, or both.
    public static bool AllowsMethod(string? firstMile, ReturnMethod method) => (firstMile, method) switch
    {
        (_, ReturnMethod.InStore) => true,
        ("dropoff", ReturnMethod.HomePickup) => false,
        ("pickup", not ReturnMethod.HomePickup) => false,
        _ => true,
    };

    // "postnl:small/return" travels through PostNL's network, whose service points carry the code "postnl".
    public static string Network(string shippingOptionCode)
    {
        var colon = shippingOptionCode.IndexOf(':', StringComparison.Ordinal);
        return (colon > 0 ? shippingOptionCode[..colon] : shippingOptionCode).ToLowerInvariant();
    }

    public static string Decimal(decimal value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static Weight? ToWeight(decimal value, string unit)
    {
        var grams = unit.ToLowerInvariant() switch
        {
            "kg" => value * 1000m,
            "g" => value,
            "lbs" or "lb" => value * 453.59237m,
            "oz" => value * 28.349523125m,
            _ => (decimal?)null,
        };
        return grams is { } g && g > 0m && g <= Weight.MaxKilograms * 1000m ? Weight.FromGrams(decimal.Round(g, 3)) : null;
    }

    // general_shop_type first ("servicepoint", "locker", "post_office", "carrier_depot"); when Sendcloud leaves it
    // unknown or undefined, the carrier's shop_type and the name decide, else a staffed pickup point is assumed.
    public static DropOffKind Kind(string? generalShopType, string? shopType, string? name)
    {
        switch (generalShopType?.ToLowerInvariant())
        {
            case "locker":
                return DropOffKind.ParcelLocker;
            case "post_office":
                return DropOffKind.PostOffice;
            case "servicepoint" or "carrier_depot":
                return DropOffKind.PickupPoint;
        }

        var text = ((shopType ?? string.Empty) + " " + (name ?? string.Empty)).ToLowerInvariant();
        if (LockerWords.Any(text.Contains))
        {
            return DropOffKind.ParcelLocker;
        }

        return PostOfficeWords.Any(text.Contains) ? DropOffKind.PostOffice : DropOffKind.PickupPoint;
    }

    private static readonly string[] LockerWords = ["locker", "automaat", "packstation", "paczkomat", "parcelbox", "paketbox", "pakketautomaat", "consigne", "armadietto"];

    private static readonly string[] PostOfficeWords = ["post office", "postkantoor", "postamt", "postfiliale", "bureau de poste", "ufficio postale", "oficina de correos", "poczta"];

    // formatted_opening_times: weekday index "0" (Monday) to "6" (Sunday), each a list of "HH:MM - HH:MM". A day
    // missing or empty is closed. Hours that do not parse leave the point's hours unknown rather than failing the search.
    public static OpeningHours? OpeningHours(IReadOnlyDictionary<string, IReadOnlyList<string>?>? times)
    {
        if (times is null || times.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder();
        for (var day = 0; day < 7; day++)
        {
            var spans = times.TryGetValue(day.ToString(CultureInfo.InvariantCulture), out var list) && list is not null
                ? list.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Replace(" ", string.Empty, StringComparison.Ordinal)).ToList()
                : [];
            if (text.Length > 0)
            {
                text.Append("; ");
            }

            text.Append(OsmDays[day]).Append(' ').Append(spans.Count == 0 ? "off" : string.Join(',', spans));
        }

        return Sdk.Locations.OpeningHours.TryParse(text.ToString(), out var hours, out _) ? hours : null;
    }

    // Sendcloud's tracking status codes (the parent statuses of its tracking status list), in any case and with '-',
    // ' ' or ':' as separators. An unknown code is reported as an exception so that someone looks at it; the event
    // keeps the code itself in CarrierCode.
    public static TrackingStatus Status(string? code)
    {
        var key = (code ?? string.Empty).Trim().ToLowerInvariant().Replace('-', '_').Replace(' ', '_').Replace(":", string.Empty, StringComparison.Ordinal);
        return key switch
        {
            "ready_to_send" or "announced" or "being_announced" or "announcing" or "no_label" or "announced_not_collected"
                or "announced_uncollected" or "created" or "info_received" or "label_created" => TrackingStatus.LabelCreated,
            "accepted" or "collected" or "picked_up" or "picked_up_by_driver" or "dropped_off" or "handed_over"
                or "received_by_carrier" => TrackingStatus.HandedOver,
            "in_transit" or "en_route_to_sorting_center" or "en_route_to_sorting_centre" or "to_sorting" or "at_sorting_centre"
                or "at_sorting_center" or "sorting" or "being_sorted" or "sorted" or "unsorted" or "unsorted2" or "at_customs"
                or "shipment_on_route" or "delayed" or "delivery_delayed" or "delivery_date_changed" or "delivery_method_changed"
                or "delivery_address_changed" => TrackingStatus.InTransit,
            "driver_on_route" or "out_for_delivery" or "awaiting_customer_pickup" => TrackingStatus.OutForDelivery,
            "delivered" or "delivery_forced" or "collected_by_customer" => TrackingStatus.Delivered,
            "cancelled" or "cancelled_upstream" or "cancelling" or "cancelling_upstream" or "cancellation_requested" => TrackingStatus.Cancelled,
            "returned_to_sender" or "refused_by_recipient" => TrackingStatus.ReturnedToSender,
            _ => TrackingStatus.Exception,
        };
    }
}
