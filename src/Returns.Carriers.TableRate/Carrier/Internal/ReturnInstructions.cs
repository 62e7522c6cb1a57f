using Returns.Sdk;

namespace Returns.Carriers.TableRate.Carrier.Internal;

// What the customer reads on the label for each way of handing the parcel over.
internal static class ReturnInstructions
{
    public static string For(ReturnMethod method) => method switch
    {
        ReturnMethod.InStore => "Bring the parcel to any of our stores; staff will scan this label.",
        ReturnMethod.PostOffice => "Pack the items, stick this label on the largest side and hand the parcel in at a post office counter. Keep your receipt.",
        ReturnMethod.PickupPoint => "Pack the items, stick this label on the largest side and hand the parcel in at a pickup point. Keep your receipt.",
        ReturnMethod.ParcelLocker => "Pack the items, stick this label on the largest side and put the parcel in a parcel locker. Keep the confirmation.",
        ReturnMethod.Mailbox => "Pack the items, stick this label on the parcel and post it in a mailbox.",
        ReturnMethod.HomePickup => "Pack the items and stick this label on the parcel; the courier collects it at your address.",
        _ => "Pack the items and stick this label on the parcel.",
    };
}
