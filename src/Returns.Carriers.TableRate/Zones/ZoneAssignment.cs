using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// One row of a zone chart: parcels to <see cref="Country"/> (from <see cref="Origin"/>) are in <see cref="Zone"/>.
/// </summary>
/// <param name="Zone">The zone's name as the rate card spells it, e.g. <c>ZONE_EU1</c>.</param>
/// <param name="Country">The destination country; <see langword="null"/> for the catch-all <c>*</c> (every country not listed).</param>
public sealed record ZoneAssignment(string Zone, CountryCode? Country)
{
    /// <summary>The origin country the row is limited to; <see langword="null"/> for any origin.</summary>
    public CountryCode? Origin { get; init; }

    /// <summary>The 1-based line of the file the row was read from, when it came from a file.</summary>
    public int? SourceLine { get; init; }
}
