namespace Returns.Sdk.Carriers;

/// <summary>Why a carrier's quotes are missing from a rate-shopping result.</summary>
public enum CarrierOmissionReason
{
    /// <summary>No service of the carrier covers the origin or fits the parcel.</summary>
    NotApplicable,

    /// <summary>The carrier did not answer before the deadline.</summary>
    TimedOut,

    /// <summary>The carrier answered with an error that a retry may cure.</summary>
    TransientFailure,

    /// <summary>The carrier answered with an error that a retry will not cure.</summary>
    PermanentFailure,
}

/// <summary>A carrier left out of a rate-shopping result, and why.</summary>
/// <param name="CarrierId">The carrier.</param>
/// <param name="Reason">Why.</param>
/// <param name="Message">The details, without personal data.</param>
public sealed record CarrierOmission(string CarrierId, CarrierOmissionReason Reason, string Message);

/// <summary>The quotes of every carrier that answered in time, and which carriers were left out.</summary>
/// <param name="Quotes">The quotes, cheapest first (ties by carrier id, then service code).</param>
/// <param name="Omissions">The carriers left out, by carrier id.</param>
public sealed record RateShoppingResult(IReadOnlyList<RateQuote> Quotes, IReadOnlyList<CarrierOmission> Omissions);
