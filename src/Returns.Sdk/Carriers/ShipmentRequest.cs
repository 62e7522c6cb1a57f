namespace Returns.Sdk.Carriers;

/// <summary>Asks a carrier for a return shipment and its label.</summary>
/// <param name="IdempotencyKey">Identifies this request across retries: the same key never buys a second label.</param>
/// <param name="RmaNumber">The return's RMA number, printed on the label and passed to the carrier as a reference.</param>
/// <param name="ServiceCode">The service.</param>
/// <param name="ReturnMethod">How the customer hands the parcel over.</param>
/// <param name="Parcel">The parcel.</param>
/// <param name="From">The customer's address.</param>
/// <param name="To">The warehouse or returns centre.</param>
public sealed record ShipmentRequest(
    string IdempotencyKey,
    string RmaNumber,
    string ServiceCode,
    ReturnMethod ReturnMethod,
    Parcel Parcel,
    Address From,
    Address To)
{
    /// <summary>How the customer gets the label.</summary>
    public LabelModes LabelMode { get; init; } = LabelModes.Printed;

    /// <summary>The printed label's format, when printed.</summary>
    public LabelDocumentFormat LabelFormat { get; init; } = LabelDocumentFormat.Pdf;

    /// <summary>The customer's e-mail, for carriers that send the label or QR code themselves.</summary>
    public string? CustomerEmail { get; init; }

    /// <summary>The customer's phone number, for collection and locker notifications.</summary>
    public string? CustomerPhone { get; init; }

    /// <summary>Order numbers the return covers, passed to the carrier as references.</summary>
    public IReadOnlyList<string> OrderNumbers { get; init; } = [];
}

/// <summary>A label document.</summary>
/// <param name="Format">The file format.</param>
/// <param name="MediaType">The media type, e.g. <c>application/pdf</c>.</param>
/// <param name="Content">The bytes.</param>
public sealed record LabelDocument(LabelDocumentFormat Format, string MediaType, ReadOnlyMemory<byte> Content);

/// <summary>A return shipment the carrier created.</summary>
/// <param name="CarrierId">The adapter's carrier id.</param>
/// <param name="ServiceCode">The service.</param>
/// <param name="TrackingNumber">The tracking number printed on the label.</param>
public sealed record ReturnShipment(string CarrierId, string ServiceCode, string TrackingNumber)
{
    /// <summary>The carrier's own id for the shipment, when it differs from the tracking number (needed to cancel).</summary>
    public string? CarrierShipmentId { get; init; }

    /// <summary>The printed label, when one was asked for.</summary>
    public LabelDocument? Label { get; init; }

    /// <summary>What the QR code for printerless drop-off encodes, when one was asked for.</summary>
    public string? QrPayload { get; init; }

    /// <summary>True when a printed label will be posted to the customer.</summary>
    public bool LabelMailed { get; init; }

    /// <summary>What the carrier will charge, when it says.</summary>
    public Money? Price { get; init; }
}
