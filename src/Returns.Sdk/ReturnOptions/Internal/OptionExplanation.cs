using System.Globalization;
using System.Text;

namespace Returns.Sdk.ReturnOptions.Internal;

internal static class OptionExplanation
{
    public static string Describe(ReturnOption option)
    {
        var text = new StringBuilder(256);
        var culture = CultureInfo.InvariantCulture;
        text.Append(culture, $"{What(option)}: the retailer pays {option.RetailerCost}, you pay {option.CustomerFee}");
        if (option.FeeDetail.Waived)
        {
            text.Append(" (fee waived)");
        }
        else if (option.FeeDetail.Capped)
        {
            text.Append(" (capped)");
        }

        text.Append(". ");
        if (option.NearestLocation is { } nearest)
        {
            text.Append(culture, $"Nearest: {nearest.Point.Name}, {nearest.DistanceKm:0.0} km");
            text.Append(nearest switch
            {
                { OpenNow: true } => ", open now",
                { NextOpening: { } opens } => string.Create(culture, $", opens {opens:ddd HH:mm}"),
                { OpenNow: false } => ", closed",
                _ => string.Empty,
            });
            text.Append(". ");
        }
        else if (option.Method == ReturnMethod.HomePickup)
        {
            text.Append("Collected at your address. ");
        }

        if (option.Method != ReturnMethod.InStore)
        {
            text.Append(culture, $"You get {LabelChoice.Describe(option.PreferredLabelMode)}. ");
        }

        text.Append(culture, $"Hand over on {option.HandoverDate:ddd d MMM}; expected at the warehouse on {option.ExpectedArrival:ddd d MMM} ({option.TransitDays} working day{(option.TransitDays == 1 ? string.Empty : "s")}");
        text.Append(option.Method == ReturnMethod.InStore ? " from the store)." : " in transit).");
        return text.ToString();
    }

    private static string What(ReturnOption option)
    {
        var place = option.Method switch
        {
            ReturnMethod.InStore => "Return in store",
            ReturnMethod.PostOffice => "Drop off at a post office",
            ReturnMethod.PickupPoint => "Drop off at a pickup point",
            ReturnMethod.ParcelLocker => "Drop off at a parcel locker",
            ReturnMethod.Mailbox => "Post in a mailbox",
            ReturnMethod.HomePickup => "Collection at home",
            _ => option.Method.ToString(),
        };
        return option.Service is { } service ? $"{place} with {service.Name}" : place;
    }
}
