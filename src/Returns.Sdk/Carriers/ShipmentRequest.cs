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

    /// <summary>
    /// What is inside the parcel, for carriers that list parcel items and for customs declarations when the parcel
    /// crosses a customs border (e.g. from Switzerland, Norway or the United Kingdom into the EU).
    /// </summary>
    public IReadOnlyList<ShipmentItem> Items { get; init; } = [];
}

/// <summary>One kind of item in a return parcel, as a customs declaration describes it.</summary>
public sealed record ShipmentItem
{
    /// <summary>Creates the item.</summary>
    /// <param name="description">What it is, in plain words, e.g. <c>cotton T-shirt</c>.</param>
    /// <param name="quantity">Units; at least one.</param>
    /// <param name="value">The value of all units together (what the customer paid); not negative.</param>
    public ShipmentItem(string description, int quantity, Money value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        if (value.IsNegative)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, $"Item '{description}': the value must not be negative.");
        }

        Description = description;
        Quantity = quantity;
        Value = value;
    }

    /// <summary>What it is.</summary>
    public string Description { get; }

    /// <summary>Units.</summary>
    public int Quantity { get; }

    /// <summary>The value of all units together.</summary>
    public Money Value { get; }

    /// <summary>The SKU.</summary>
    public string? Sku { get; init; }

    /// <summary>The weight of all units together.</summary>
    public Weight? Weight { get; init; }

    /// <summary>The Harmonized System tariff code, as written (e.g. <c>6109.10.00</c>).</summary>
    public string? HsCode { get; init; }

    /// <summary>The country where the goods were made.</summary>
    public CountryCode? OriginCountry { get; init; }

    /// <summary>
    /// The tariff code as the digits carriers send: dots and spaces, as tariff numbers are often written, removed.
    /// </summary>
    /// <param name="minDigits">The fewest digits the carrier accepts.</param>
    /// <param name="maxDigits">The most digits the carrier accepts.</param>
    /// <param name="digits">The digits; <see langword="null"/> when the item has no code.</param>
    /// <returns>False when the code holds anything but digits, dots and spaces, or has too few or too many digits.</returns>
    public bool TryGetHsCodeDigits(int minDigits, int maxDigits, out string? digits)
    {
        digits = null;
        if (string.IsNullOrWhiteSpace(HsCode))
        {
            return true;
        }

        var candidate = string.Concat(HsCode.Where(c => c is not ('.' or ' ')));
        if (candidate.Length < minDigits || candidate.Length > maxDigits || !candidate.All(char.IsAsciiDigit))
        {
            return false;
        }

        digits = candidate;
        return true;
    }
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

    /// <summary>The QR code as the carrier renders it (e.g. a PNG to show at the counter), when it sends an image rather than its content.</summary>
    public LabelDocument? QrImage { get; init; }

    /// <summary>True when a printed label will be posted to the customer.</summary>
    public bool LabelMailed { get; init; }

    /// <summary>What the carrier will charge, when it says.</summary>
    public Money? Price { get; init; }
}
