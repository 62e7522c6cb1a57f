namespace Returns.Sdk.Carriers;

/// <summary>What an adapter can do beyond creating return shipments.</summary>
[Flags]
public enum CarrierFeatures
{
    /// <summary>Only shipments.</summary>
    None = 0,

    /// <summary>
    /// Quotes live rates from the carrier's systems. Without it the adapter prices locally from a rate card, never blocks,
    /// and the rate shopper asks it on the calling thread instead of the thread pool.
    /// </summary>
    LiveRates = 1,

    /// <summary>Lists drop-off points near a location.</summary>
    DropOffPoints = 2,

    /// <summary>Reports tracking events.</summary>
    Tracking = 4,

    /// <summary>Cancels a shipment that has not been handed over.</summary>
    Cancellation = 8,

    /// <summary>Schedules a collection at the customer's address.</summary>
    PickupScheduling = 16,
}

/// <summary>How the customer gets the label.</summary>
[Flags]
public enum LabelModes
{
    /// <summary>None.</summary>
    None = 0,

    /// <summary>A label the customer prints (PDF, ZPL or an image).</summary>
    Printed = 1,

    /// <summary>No printer needed: the customer shows a QR code at the counter or locker.</summary>
    PrinterlessQr = 2,

    /// <summary>The carrier or retailer posts a printed label to the customer.</summary>
    Mailed = 4,
}

/// <summary>The file format of a printed label.</summary>
public enum LabelDocumentFormat
{
    /// <summary>PDF.</summary>
    Pdf,

    /// <summary>ZPL II for thermal printers.</summary>
    Zpl,

    /// <summary>PNG image.</summary>
    Png,

    /// <summary>GIF image.</summary>
    Gif,

    /// <summary>SVG image.</summary>
    Svg,
}
