namespace Returns.Sdk;

/// <summary>How a parcel gets back to the retailer. The snake_case names in comments are the JSON spellings.</summary>
public enum ReturnMethod
{
    /// <summary>Handed in at one of the retailer's stores (<c>in_store</c>).</summary>
    InStore,

    /// <summary>Dropped at a post office counter (<c>post_office</c>).</summary>
    PostOffice,

    /// <summary>Dropped at a staffed pickup point in a shop (<c>pickup_point</c>).</summary>
    PickupPoint,

    /// <summary>Put in a parcel locker (<c>parcel_locker</c>).</summary>
    ParcelLocker,

    /// <summary>Posted in a mailbox (<c>mailbox</c>).</summary>
    Mailbox,

    /// <summary>Collected from the customer's home (<c>home_pickup</c>).</summary>
    HomePickup,
}

/// <summary>How a customer may be paid back. Several may be allowed at once.</summary>
[Flags]
public enum RefundTypes
{
    /// <summary>None allowed.</summary>
    None = 0,

    /// <summary>Back to the original means of payment (<c>original_payment</c>).</summary>
    OriginalPayment = 1,

    /// <summary>Store credit, possibly with a bonus (<c>store_credit</c>).</summary>
    StoreCredit = 2,

    /// <summary>An exchange for another size, colour or product (<c>exchange</c>).</summary>
    Exchange = 4,
}
