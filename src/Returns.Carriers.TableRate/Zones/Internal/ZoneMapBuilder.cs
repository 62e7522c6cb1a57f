namespace Returns.Carriers.TableRate.Internal;

/// <summary>Collects zone-chart rows, rejecting a country (or catch-all) listed twice for the same origin.</summary>
internal sealed class ZoneMapBuilder
{
    internal const string Any = "*";

    private readonly Dictionary<(string Origin, string Country), ZoneAssignment> _rows = [];
    private readonly List<ZoneAssignment> _order = [];

    internal static string? CheckZone(string? zone) =>
        string.IsNullOrWhiteSpace(zone) ? "zone is empty; every row needs one." : null;

    /// <summary>Adds a row.</summary>
    /// <returns>Why the row conflicts with an earlier one, or <see langword="null"/> when added.</returns>
    internal string? TryAdd(ZoneAssignment assignment)
    {
        var key = (assignment.Origin?.Value ?? Any, assignment.Country?.Value ?? Any);
        if (_rows.TryGetValue(key, out var existing))
        {
            var from = assignment.Origin is { } origin ? $" for parcels from {origin}" : string.Empty;
            return assignment.Country is { } country
                ? $"{country} is already in zone {existing.Zone}{from} {RateCardRules.OnLine(existing.SourceLine)}; list a country once."
                : $"a second catch-all row{from}: * is already in zone {existing.Zone} {RateCardRules.OnLine(existing.SourceLine)}; the catch-all may appear once.";
        }

        _rows.Add(key, assignment);
        _order.Add(assignment);
        return null;
    }

    internal ZoneMap Build() => new([.. _order], _rows);
}
