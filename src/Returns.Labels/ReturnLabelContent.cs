using System.Text;
using Returns.Sdk;

namespace Returns.Labels;

/// <summary>
/// Everything printed on a return label and its customer slip. The sender and recipient addresses hold personal
/// data: the renderer never logs them, and neither should callers.
/// </summary>
public sealed record ReturnLabelContent
{
    /// <summary>The longest tracking number accepted, so the Code 128 symbol fits a 4-inch label with bars at least two 203 dpi dots (0.25 mm) wide.</summary>
    public const int MaxTrackingNumberLength = 30;

    /// <summary>The longest RMA number, carrier name or service name accepted.</summary>
    public const int MaxShortTextLength = 64;

    /// <summary>The longest instructions text accepted. The 4 × 6 label shrinks long text and, past what fits, ends it with "..."; the A4 customer slip prints it whole.</summary>
    public const int MaxInstructionsLength = 1000;

    /// <summary>The largest QR payload accepted, in UTF-8 bytes, so the symbol stays readable on a 4 × 6 label.</summary>
    public const int MaxQrPayloadBytes = 256;

    private readonly string? _qrPayload;

    /// <summary>Creates the content of a return label.</summary>
    /// <param name="trackingNumber">The carrier's tracking number, encoded as Code 128: 1 to 30 printable ASCII characters (surrounding white space is trimmed).</param>
    /// <param name="rmaNumber">The retailer's return authorisation number.</param>
    /// <param name="carrierName">The carrier's display name, e.g. <c>PostNL</c>.</param>
    /// <param name="serviceName">The carrier service, e.g. <c>Retour</c>.</param>
    /// <param name="sender">The customer sending the parcel back (FROM).</param>
    /// <param name="recipient">The retailer's warehouse receiving it (TO).</param>
    /// <param name="method">How the parcel gets back.</param>
    /// <param name="instructions">What the customer must do for <paramref name="method"/>, in the customer's language; line breaks start new paragraphs.</param>
    /// <param name="createdAt">When the label was created.</param>
    /// <exception cref="ArgumentNullException">An address or text is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A text is blank, too long or holds characters it may not; the tracking number is not printable ASCII; <paramref name="createdAt"/> is <c>default</c>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="method"/> is not a defined <see cref="ReturnMethod"/>.</exception>
    public ReturnLabelContent(
        string trackingNumber,
        string rmaNumber,
        string carrierName,
        string serviceName,
        Address sender,
        Address recipient,
        ReturnMethod method,
        string instructions,
        DateTimeOffset createdAt)
    {
        TrackingNumber = ValidateTrackingNumber(trackingNumber);
        RmaNumber = ValidateShortText(rmaNumber, nameof(rmaNumber));
        CarrierName = ValidateShortText(carrierName, nameof(carrierName));
        ServiceName = ValidateShortText(serviceName, nameof(serviceName));
        ArgumentNullException.ThrowIfNull(sender);
        ArgumentNullException.ThrowIfNull(recipient);
        if (!Enum.IsDefined(method))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown return method.");
        }

        Instructions = ValidateInstructions(instructions);
        if (createdAt == default)
        {
            throw new ArgumentException("The creation instant must be set.", nameof(createdAt));
        }

        Sender = sender;
        Recipient = recipient;
        Method = method;
        CreatedAt = createdAt;
    }

    /// <summary>The carrier's tracking number (printable ASCII, trimmed), shown as Code 128 with the number under it.</summary>
    public string TrackingNumber { get; }

    /// <summary>The retailer's return authorisation number.</summary>
    public string RmaNumber { get; }

    /// <summary>The carrier's display name.</summary>
    public string CarrierName { get; }

    /// <summary>The carrier service.</summary>
    public string ServiceName { get; }

    /// <summary>The customer sending the parcel (FROM). Personal data.</summary>
    public Address Sender { get; }

    /// <summary>The retailer's warehouse receiving the parcel (TO).</summary>
    public Address Recipient { get; }

    /// <summary>How the parcel gets back.</summary>
    public ReturnMethod Method { get; }

    /// <summary>What the customer must do for <see cref="Method"/>.</summary>
    public string Instructions { get; }

    /// <summary>When the label was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>
    /// Optional content of a QR code for printerless drop-off (a carrier's drop-off code or URL), at most
    /// <see cref="MaxQrPayloadBytes"/> UTF-8 bytes; encoded exactly as given. <see langword="null"/> prints no QR code.
    /// </summary>
    /// <exception cref="ArgumentException">Empty or white space only, too long, or not valid UTF-16.</exception>
    public string? QrPayload
    {
        get => _qrPayload;
        init => _qrPayload = ValidateQrPayload(value);
    }

    /// <summary>Optional parcel weight, printed when given.</summary>
    public Weight? Weight { get; init; }

    // Records print every property; the addresses are personal data, so they stay out of ToString (and so out of logs).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("TrackingNumber = ").Append(TrackingNumber)
            .Append(", RmaNumber = ").Append(RmaNumber)
            .Append(", CarrierName = ").Append(CarrierName)
            .Append(", ServiceName = ").Append(ServiceName)
            .Append(", Method = ").Append(Method)
            .Append(", CreatedAt = ").Append(CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture))
            .Append(", Sender = [redacted], Recipient = [redacted]");
        return true;
    }

    private static string ValidateTrackingNumber(string trackingNumber)
    {
        ArgumentNullException.ThrowIfNull(trackingNumber);
        var trimmed = trackingNumber.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("A tracking number is required.", nameof(trackingNumber));
        }

        if (trimmed.Length > MaxTrackingNumberLength)
        {
            throw new ArgumentException($"A tracking number has at most {MaxTrackingNumberLength} characters; got {trimmed.Length}.", nameof(trackingNumber));
        }

        for (var i = 0; i < trimmed.Length; i++)
        {
            if (trimmed[i] is < ' ' or > '~')
            {
                throw new ArgumentException($"A tracking number must be printable ASCII (Code 128); the character at index {i} (U+{(int)trimmed[i]:X4}) is not.", nameof(trackingNumber));
            }
        }

        return trimmed;
    }

    private static string ValidateShortText(string value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The value must not be empty or white space.", parameterName);
        }

        if (trimmed.Length > MaxShortTextLength)
        {
            throw new ArgumentException($"The value has at most {MaxShortTextLength} characters; got {trimmed.Length}.", parameterName);
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new ArgumentException("The value must not contain control characters such as line breaks.", parameterName);
        }

        return trimmed;
    }

    private static string ValidateInstructions(string instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        var trimmed = instructions.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("Instructions for the return method are required.", nameof(instructions));
        }

        if (trimmed.Length > MaxInstructionsLength)
        {
            throw new ArgumentException($"Instructions have at most {MaxInstructionsLength} characters; got {trimmed.Length}.", nameof(instructions));
        }

        return trimmed;
    }

    private static string? ValidateQrPayload(string? qrPayload)
    {
        if (qrPayload is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(qrPayload))
        {
            throw new ArgumentException("A QR payload must not be empty or white space; use null for no QR code.", nameof(qrPayload));
        }

        int bytes;
        try
        {
            bytes = new UTF8Encoding(false, true).GetByteCount(qrPayload);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("A QR payload must be valid Unicode text.", nameof(qrPayload), ex);
        }

        if (bytes > MaxQrPayloadBytes)
        {
            throw new ArgumentException($"A QR payload has at most {MaxQrPayloadBytes} UTF-8 bytes; got {bytes}.", nameof(qrPayload));
        }

        return qrPayload;
    }
}
