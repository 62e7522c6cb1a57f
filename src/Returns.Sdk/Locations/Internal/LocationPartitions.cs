using Returns.Sdk.Carriers;
using Returns.Sdk.Geo;

namespace Returns.Sdk.Locations.Internal;

/// <summary>
/// One spatial index over every location and one per (carrier, kind), each holding catalog positions in catalog
/// order, so a filtered query searches only locations that match instead of skipping the ones that do not.
/// </summary>
internal sealed class LocationPartitions
{
    private static readonly int KindCount = Enum.GetValues<DropOffKind>().Length;

    private readonly GeoIndex<int>[] _all;
    private readonly GeoIndex<int>[][] _byKind;
    private readonly Dictionary<string, GeoIndex<int>[]> _byCarrier;
    private readonly Dictionary<(string CarrierId, DropOffKind Kind), GeoIndex<int>[]> _byCarrierAndKind;

    internal LocationPartitions(DropOffPoint[] points)
    {
        _all = [GeoIndex<int>.Build(Enumerable.Range(0, points.Length), i => points[i].Location)];

        var groups = new Dictionary<(string CarrierId, DropOffKind Kind), List<int>>();
        for (var i = 0; i < points.Length; i++)
        {
            var key = (points[i].CarrierId, points[i].Kind);
            if (!groups.TryGetValue(key, out var positions))
            {
                groups.Add(key, positions = []);
            }

            positions.Add(i);
        }

        _byCarrierAndKind = new Dictionary<(string, DropOffKind), GeoIndex<int>[]>(groups.Count);
        var byKind = new List<GeoIndex<int>>[KindCount];
        var byCarrier = new Dictionary<string, List<GeoIndex<int>>>(StringComparer.Ordinal);
        foreach (var ((carrierId, kind), positions) in groups)
        {
            var index = GeoIndex<int>.Build(positions, i => points[i].Location);
            _byCarrierAndKind.Add((carrierId, kind), [index]);
            if ((int)kind >= 0 && (int)kind < KindCount)
            {
                (byKind[(int)kind] ??= []).Add(index);
            }

            if (!byCarrier.TryGetValue(carrierId, out var indexes))
            {
                byCarrier.Add(carrierId, indexes = []);
            }

            indexes.Add(index);
        }

        _byKind = [.. byKind.Select(list => list?.ToArray() ?? [])];
        _byCarrier = byCarrier.ToDictionary(pair => pair.Key, pair => pair.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The indexes whose locations together are exactly those the filter matches.</summary>
    internal ReadOnlySpan<GeoIndex<int>> Select(LocationFilter? filter)
    {
        switch (filter)
        {
            case null or { Kind: null, CarrierId: null }:
                return _all;
            case { Kind: { } kind, CarrierId: { } carrierId }:
                return _byCarrierAndKind.TryGetValue((carrierId, kind), out var one) ? one : [];
            case { Kind: { } kind }:
                return (int)kind >= 0 && (int)kind < _byKind.Length ? _byKind[(int)kind] : [];
            default:
                return _byCarrier.TryGetValue(filter.CarrierId!, out var some) ? some : [];
        }
    }
}
