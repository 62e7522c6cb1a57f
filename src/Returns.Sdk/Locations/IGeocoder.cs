namespace Returns.Sdk.Locations;

/// <summary>Turns a postcode into a position, so a customer without coordinates can be matched to nearby locations.</summary>
public interface IGeocoder
{
    /// <summary>Finds where a postcode is.</summary>
    /// <param name="country">The postcode's country.</param>
    /// <param name="postcode">The postcode as the customer wrote it.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The position and how precise it is, or <see langword="null"/> when the postcode is unknown.</returns>
    /// <exception cref="ArgumentException">The country is <c>default</c> or the postcode is blank.</exception>
    ValueTask<GeocodeResult?> GeocodeAsync(CountryCode country, string postcode, CancellationToken cancellationToken = default);
}

/// <summary>How precisely a <see cref="GeocodeResult"/> locates a postcode.</summary>
public enum GeocodePrecision
{
    /// <summary>The postcode itself was found: the position is its centroid.</summary>
    Postcode,

    /// <summary>Only a shorter area containing it was found (e.g. <c>1012</c> for <c>1012 AB</c>): the area's centroid.</summary>
    PostcodePrefix,
}

/// <summary>Where a postcode is.</summary>
/// <param name="Location">The centroid of the postcode or of the area found.</param>
/// <param name="Precision">Whether the postcode itself or only an area containing it was found.</param>
/// <param name="MatchedPostcode">The postcode or area that was found, normalised (upper case, no spaces or hyphens).</param>
public sealed record GeocodeResult(GeoPoint Location, GeocodePrecision Precision, string MatchedPostcode);

/// <summary>The centroid of a postcode or postcode area.</summary>
/// <param name="Country">The country.</param>
/// <param name="Postcode">The postcode or the leading part that names an area (e.g. <c>1012</c>); spaces and hyphens do not matter.</param>
/// <param name="Location">Its centroid.</param>
public sealed record PostcodeCentroid(CountryCode Country, string Postcode, GeoPoint Location);
