namespace Returns.Sdk.SelfService;

/// <summary>Settings of <see cref="SelfServiceReturns"/>.</summary>
public sealed class SelfServiceOptions
{
    /// <summary>Where carrier returns are addressed: the returns warehouse, with street and city for the label. Required.</summary>
    public Address? WarehouseAddress { get; set; }

    /// <summary>The warehouse's id, recorded on each return so the warehouse's forecast counts it. Required.</summary>
    public string? WarehouseId { get; set; }

    /// <summary>The reasons a customer may give; <see cref="ReturnReasonTaxonomy.Standard"/> by default.</summary>
    public ReturnReasonTaxonomy Reasons { get; set; } = ReturnReasonTaxonomy.Standard;

    /// <summary>The time zone dates and "open now" are judged in when a request does not say; UTC by default.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>The most items one request may hold; larger requests are refused before any work. 100 by default.</summary>
    public int MaxItems { get; set; } = 100;
}
