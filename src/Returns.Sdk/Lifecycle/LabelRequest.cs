using Returns.Sdk.Carriers;

namespace Returns.Sdk.Lifecycle;

/// <summary>What the carrier needs to issue a return label for an authorized return.</summary>
/// <param name="CarrierId">The carrier adapter.</param>
/// <param name="ServiceCode">The carrier service.</param>
/// <param name="Method">How the customer hands the parcel over.</param>
/// <param name="Parcel">The parcel's size and weight.</param>
/// <param name="From">The customer's address.</param>
/// <param name="To">The warehouse or store address.</param>
public sealed record LabelRequest(string CarrierId, string ServiceCode, ReturnMethod Method, Parcel Parcel, Address From, Address To)
{
    /// <summary>Printed, QR code, mailed, or a combination.</summary>
    public LabelModes LabelMode { get; init; } = LabelModes.Printed;

    /// <summary>The label document format.</summary>
    public LabelDocumentFormat LabelFormat { get; init; } = LabelDocumentFormat.Pdf;

    /// <summary>The warehouse the parcel goes to.</summary>
    public string? WarehouseId { get; init; }

    /// <summary>When the parcel is expected there.</summary>
    public DateTimeOffset? ExpectedArrival { get; init; }

    /// <summary>For the carrier's notifications; never logged.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>The customer's phone number, for collection and locker notifications.</summary>
    public string? CustomerPhone { get; init; }

    /// <summary>What is in the parcel, for carriers that list items and for customs declarations across a customs border.</summary>
    public IReadOnlyList<ShipmentItem> Items { get; init; } = [];
}

/// <summary>A return with its label: the same tracking number and document on every retry with the same key.</summary>
/// <param name="Return">The return, now <see cref="ReturnState.LabelIssued"/>.</param>
/// <param name="Label">The label document, when the carrier produced one (not for a mailed label).</param>
/// <param name="QrPayload">What the QR code encodes, for printerless drop-off.</param>
public sealed record IssuedLabel(ReturnRequest Return, ReturnAttachment? Label, string? QrPayload);

/// <summary>How a received return was settled.</summary>
public enum ReturnResolution
{
    /// <summary>Money back on the original payment method.</summary>
    Refunded,

    /// <summary>Replacement items.</summary>
    Exchanged,

    /// <summary>Store credit.</summary>
    Credited,
}
