namespace Returns.Sdk.Lifecycle;

/// <summary>Where a return stands. <see cref="ReturnStateMachine"/> says which moves are legal.</summary>
public enum ReturnState
{
    /// <summary>The customer asked to return; not yet decided.</summary>
    Requested,

    /// <summary>The retailer accepted the return; the customer may send it.</summary>
    Authorized,

    /// <summary>The retailer refused the return. Final.</summary>
    Rejected,

    /// <summary>A label, QR code or mailed label exists for the parcel.</summary>
    LabelIssued,

    /// <summary>The carrier has the parcel.</summary>
    InTransit,

    /// <summary>The warehouse or a store has the items.</summary>
    Received,

    /// <summary>The items were inspected and graded.</summary>
    Inspected,

    /// <summary>Money went back to the customer.</summary>
    Refunded,

    /// <summary>The customer received replacement items.</summary>
    Exchanged,

    /// <summary>The customer received store credit.</summary>
    Credited,

    /// <summary>Nothing more will happen. Final.</summary>
    Closed,

    /// <summary>The customer or the retailer withdrew the return before the items arrived. Final.</summary>
    Cancelled,

    /// <summary>The authorization ran out before the items were sent. Final.</summary>
    Expired,
}
