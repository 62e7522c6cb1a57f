namespace Returns.Sdk.Carriers;

/// <summary>Asks a carrier what returning a parcel would cost.</summary>
/// <param name="Parcel">The parcel.</param>
/// <param name="From">Where the return starts (the customer).</param>
/// <param name="To">Where it goes (the retailer's warehouse or returns centre).</param>
public sealed record RateRequest(Parcel Parcel, Address From, Address To)
{
    /// <summary>Only quote this service, when set.</summary>
    public string? ServiceCode { get; init; }

    /// <summary>Only quote services that accept this return method, when set.</summary>
    public ReturnMethod? ReturnMethod { get; init; }

    /// <summary>When the parcel would be handed over; today when <see langword="null"/>.</summary>
    public DateOnly? ShipDate { get; init; }
}

/// <summary>What one service would charge the retailer for one return.</summary>
/// <param name="CarrierId">The adapter's carrier id.</param>
/// <param name="ServiceCode">The service.</param>
/// <param name="ReturnMethod">How the customer hands the parcel over.</param>
/// <param name="Price">What the retailer pays, in the carrier's currency.</param>
public sealed record RateQuote(string CarrierId, string ServiceCode, ReturnMethod ReturnMethod, Money Price)
{
    /// <summary>The weight the carrier charges for (actual or dimensional, whichever is higher).</summary>
    public Weight? BillableWeight { get; init; }

    /// <summary>Working days from hand-over to delivery at the warehouse, when the carrier states it.</summary>
    public int? TransitDays { get; init; }

    /// <summary>How the customer may get the label with this service.</summary>
    public LabelModes LabelModes { get; init; } = LabelModes.Printed;
}
