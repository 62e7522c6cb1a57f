using Returns.Sdk.Carriers;
using Returns.Sdk.Geo;
using Returns.Sdk.Serialization;

namespace Returns.Cli.Output;

/// <summary>
/// One point of <c>returns points nearest --format json</c>, nearest first. Distances are great-circle kilometres
/// rounded to the metre; <see cref="OpenNow"/> is <see langword="null"/> when the point's hours are unknown.
/// </summary>
internal sealed record NearestPointJson(
    int Rank,
    string Id,
    string Name,
    string Kind,
    string? Carrier,
    double DistanceKm,
    double Latitude,
    double Longitude,
    string? Address,
    string? Postcode,
    string? City,
    string? Country,
    string? OpeningHours,
    bool? OpenNow,
    DateTimeOffset? NextOpening)
{
    /// <summary>Maps a neighbour found by the catalog.</summary>
    /// <param name="rank">Its position, 1 for the nearest.</param>
    /// <param name="neighbor">The point and its distance.</param>
    /// <param name="now">The instant "open now" is judged at.</param>
    /// <param name="timeZone">The time zone opening hours are read in.</param>
    /// <returns>The DTO.</returns>
    public static NearestPointJson From(int rank, GeoNeighbor<DropOffPoint> neighbor, DateTimeOffset now, TimeZoneInfo timeZone)
    {
        var point = neighbor.Item;
        var open = point.OpeningHours?.IsOpen(now, timeZone);
        var nextOpening = open == false ? point.OpeningHours!.NextOpening(now, timeZone) : null;
        return new NearestPointJson(
            rank,
            point.Id,
            point.Name,
            point.Kind.ToName(),
            string.IsNullOrEmpty(point.CarrierId) ? null : point.CarrierId,
            Math.Round(neighbor.DistanceKm, 3),
            point.Location.Latitude,
            point.Location.Longitude,
            point.Address?.Line1,
            point.Address?.Postcode,
            point.Address?.City,
            point.Address?.Country.Value,
            point.OpeningHours?.ToString(),
            open,
            nextOpening is { } opens ? TimeZoneInfo.ConvertTime(opens, timeZone) : null);
    }
}
