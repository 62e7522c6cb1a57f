namespace Returns.Sdk.Grading;

/// <summary>
/// The thresholds of <see cref="AbuseSignalDetector"/>, e.g. the <c>Returns:Grading:AbuseSignals</c> configuration
/// section. Validated when the host starts (or when a detector is created); defaults are deliberately conservative.
/// </summary>
public sealed class AbuseSignalOptions
{
    /// <summary>How far back the detector looks, ending at the instant asked about. Above zero, at most 3 years; default 180 days.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromDays(180);

    /// <summary>The least severe discrepancy that counts as evidence. <see cref="DiscrepancySeverity.Minor"/> or worse; default <see cref="DiscrepancySeverity.Major"/>.</summary>
    public DiscrepancySeverity DiscrepancyMinSeverity { get; set; } = DiscrepancySeverity.Major;

    /// <summary>How many such discrepancies in the window raise <see cref="AbuseSignalKind.RepeatedDiscrepancies"/>. 1 to 1000; default 2.</summary>
    public int RepeatedDiscrepancyCount { get; set; } = 2;

    /// <summary>Returns per order in the window that raise <see cref="AbuseSignalKind.SerialReturning"/>. Above 0, at most 10; default 0.6.</summary>
    public decimal SerialReturnRatio { get; set; } = 0.6m;

    /// <summary>The fewest orders in the window before the ratio means anything. 1 to 100,000; default 5.</summary>
    public int SerialReturningMinOrders { get; set; } = 5;

    /// <summary>
    /// The categories where worn-and-returned matters (compared case-insensitively); at least one. Default <c>apparel</c>;
    /// configuration binding adds to the default, so clear it in code to replace it.
    /// </summary>
    public IList<string> WardrobingCategories { get; } = ["apparel"];

    /// <summary>How soon after delivery a worn return counts as wardrobing. Above zero, at most <see cref="Window"/>; default 14 days.</summary>
    public TimeSpan WardrobingReturnedWithin { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How many wardrobing lines in the window raise <see cref="AbuseSignalKind.Wardrobing"/>. 1 to 1000; default 2.</summary>
    public int WardrobingCount { get; set; } = 2;
}
