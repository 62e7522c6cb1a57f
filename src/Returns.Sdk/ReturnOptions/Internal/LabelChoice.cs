using Returns.Sdk.Carriers;

namespace Returns.Sdk.ReturnOptions.Internal;

internal static class LabelChoice
{
    // A counter or locker scans a QR code, so the customer needs no printer there; a mailbox and a driver need a
    // label on the parcel; a mailed label is the fallback for customers without a printer.
    public static LabelModes Preferred(ReturnMethod method, LabelModes available)
    {
        ReadOnlySpan<LabelModes> order = method switch
        {
            ReturnMethod.InStore => [],
            ReturnMethod.Mailbox or ReturnMethod.HomePickup => [LabelModes.Printed, LabelModes.Mailed, LabelModes.PrinterlessQr],
            _ => [LabelModes.PrinterlessQr, LabelModes.Printed, LabelModes.Mailed],
        };
        foreach (var mode in order)
        {
            if ((available & mode) != 0)
            {
                return mode;
            }
        }

        return LabelModes.None;
    }

    public static string Describe(LabelModes mode) => mode switch
    {
        LabelModes.PrinterlessQr => "a QR code to show, no printer needed",
        LabelModes.Printed => "a label to print",
        LabelModes.Mailed => "a label sent by post",
        _ => "no label",
    };
}
