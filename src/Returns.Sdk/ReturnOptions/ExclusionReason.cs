namespace Returns.Sdk.ReturnOptions;

/// <summary>Why a candidate return option was not offered.</summary>
public enum ExclusionReason
{
    /// <summary>The return policy does not allow the method, or nothing in the request may be returned.</summary>
    NotAllowedByPolicy,

    /// <summary>The quote came from a carrier or for a service the engine does not know.</summary>
    UnknownService,

    /// <summary>The service does not take the parcel by this method.</summary>
    MethodNotOffered,

    /// <summary>The parcel is too heavy or too big for the service.</summary>
    ParcelOutsideLimits,

    /// <summary>The service does not collect where the customer is.</summary>
    OutsideServiceArea,

    /// <summary>No drop-off point or store of the right kind is within reach.</summary>
    NoLocationNearby,

    /// <summary>The price is in a currency the options cannot be compared in.</summary>
    CurrencyMismatch,

    /// <summary>The carrier gave no quote in time or failed; see the omission's message.</summary>
    CarrierUnavailable,
}

/// <summary>A candidate that was not offered, and why.</summary>
/// <param name="Method">How the parcel would have been handed over.</param>
/// <param name="CarrierId">The carrier, or <see langword="null"/> for in-store returns and policy-wide exclusions.</param>
/// <param name="ServiceCode">The carrier's service, when there was one.</param>
/// <param name="Reason">The reason code.</param>
/// <param name="Message">The reason in plain English, naming the limit, distance or rule involved.</param>
public sealed record ExcludedOption(ReturnMethod? Method, string? CarrierId, string? ServiceCode, ExclusionReason Reason, string Message);
