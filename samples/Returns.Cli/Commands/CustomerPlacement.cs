using Returns.Sdk;

namespace Returns.Cli.Commands;

/// <summary>Where the customer of <c>returns options</c> is, and how the CLI found out.</summary>
/// <param name="Address">The customer's address: its country decides rates and service areas.</param>
/// <param name="Location">The position the nearest places are searched from.</param>
/// <param name="LocatedBy"><c>coordinates</c> (given with <c>--at</c> or in the order), <c>postcode</c> or <c>postcode_prefix</c>.</param>
/// <param name="MatchedPostcode">The postcode (area) whose centroid was used, when located by postcode.</param>
internal sealed record CustomerPlacement(Address Address, GeoPoint Location, string LocatedBy, string? MatchedPostcode);
