namespace Returns.Sdk.Grading;

/// <summary>The pattern a signal points at.</summary>
public enum AbuseSignalKind
{
    /// <summary>Several returns were inspected in a clearly worse state than the customer declared.</summary>
    RepeatedDiscrepancies,

    /// <summary>The customer returns a large share of what they order.</summary>
    SerialReturning,

    /// <summary>Apparel repeatedly comes back worn, with tags removed, shortly after delivery.</summary>
    Wardrobing,
}

/// <summary>
/// A pattern in a customer's history that a retailer may want to look at. Signals are evidence to act on (review,
/// talk to the customer, adjust terms), never automatic accusations: no signal blocks anything by itself.
/// </summary>
public sealed record AbuseSignal
{
    internal AbuseSignal(AbuseSignalKind kind, int evidenceCount, decimal observed, decimal threshold, DateTimeOffset windowStart, DateTimeOffset windowEnd, IReadOnlyList<string> returnIds, string message)
    {
        Kind = kind;
        EvidenceCount = evidenceCount;
        Observed = observed;
        Threshold = threshold;
        WindowStart = windowStart;
        WindowEnd = windowEnd;
        ReturnIds = returnIds;
        Message = message;
    }

    /// <summary>The pattern.</summary>
    public AbuseSignalKind Kind { get; }

    /// <summary>How many returned lines (discrepancies, wardrobing) or returns (serial returning) the signal rests on.</summary>
    public int EvidenceCount { get; }

    /// <summary>The measured value: the count for discrepancies and wardrobing, returns per order for serial returning.</summary>
    public decimal Observed { get; }

    /// <summary>The threshold <see cref="Observed"/> reached.</summary>
    public decimal Threshold { get; }

    /// <summary>For serial returning, the returned share of the ordered value, when every order and line in the window states a value in one currency.</summary>
    public decimal? ValueShare { get; init; }

    /// <summary>The first instant of the window looked at (inclusive).</summary>
    public DateTimeOffset WindowStart { get; }

    /// <summary>The last instant of the window looked at (inclusive).</summary>
    public DateTimeOffset WindowEnd { get; }

    /// <summary>The returns the evidence comes from, oldest first.</summary>
    public IReadOnlyList<string> ReturnIds { get; }

    /// <summary>A neutral description in English, for the retailer's staff.</summary>
    public string Message { get; }
}
