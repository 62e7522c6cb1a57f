namespace Returns.Carriers.TableRate;

/// <summary>Whether a parcel could be rated, and if not, why.</summary>
public enum RateOutcome
{
    /// <summary>A price was found.</summary>
    Rated,

    /// <summary>The rate card has no such carrier and service.</summary>
    UnknownService,

    /// <summary>The zone chart puts the origin and destination in no zone.</summary>
    NoZone,

    /// <summary>The service has no prices for the zone the parcel is in.</summary>
    ZoneNotServed,

    /// <summary>The parcel fits the service's size limits, but its billable weight is above every band it fits.</summary>
    TooHeavy,

    /// <summary>The parcel fits none of the service's size limits in its zone.</summary>
    TooLarge,
}
