using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// One row of a rate card: the price of a parcel up to <see cref="MaxWeight"/> (inclusive) within
/// <see cref="Size"/> sent in <see cref="Zone"/>.
/// </summary>
/// <param name="Zone">The zone the price applies to, as named in the zone chart (e.g. <c>ZONE_EU1</c>).</param>
/// <param name="MaxWeight">The band's inclusive upper bound; the applicable band is the lightest whose bound is at least the billable weight.</param>
/// <param name="Price">The price, zero or more, with no more decimals than its currency has.</param>
public sealed record RateBand(string Zone, Weight MaxWeight, Money Price)
{
    /// <summary>The largest parcel this band accepts; <see cref="SizeLimits.None"/> when unlimited.</summary>
    public SizeLimits Size { get; init; } = SizeLimits.None;

    /// <summary>The carrier's stated transit time in days, when known.</summary>
    public int? TransitDays { get; init; }

    /// <summary>The 1-based line of the file the band was read from, when it came from a file.</summary>
    public int? SourceLine { get; init; }
}
