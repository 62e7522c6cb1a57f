using Returns.Sdk.Carriers;
using Returns.Sdk.Lifecycle;

namespace Returns.Sdk.SelfService;

/// <summary>A return the customer confirmed: recorded, authorized and, for carrier methods, labelled.</summary>
/// <param name="Return">The return as stored.</param>
/// <param name="Option">The option chosen, with its expected refund.</param>
/// <param name="LabelMode">How the customer gets the label: printed (a PDF), a QR code at the counter, or mailed; <see cref="LabelModes.None"/> in a store.</param>
public sealed record SelfServiceConfirmation(ReturnRequest Return, QuotedOption Option, LabelModes LabelMode)
{
    /// <summary>The carrier's label document, when one was issued.</summary>
    public ReturnAttachment? Label { get; init; }

    /// <summary>
    /// What the customer shows as a QR code: the carrier's code for printerless drop-off, or the RMA number to show at
    /// the store counter (the store desk finds the return by it).
    /// </summary>
    public string? QrPayload { get; init; }
}
