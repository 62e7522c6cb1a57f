using System.Globalization;
using Returns.Carriers.TableRate.Internal;
using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// Rates parcels against a <see cref="RateCard"/> and a <see cref="ZoneMap"/>: pure and deterministic (the same inputs
/// always give the same answer), thread-safe, and allocation-free on the rated path of <see cref="Rate"/>.
/// </summary>
/// <remarks>
/// <para>The zone comes from the zone chart. The billable weight is the actual weight, or the dimensional weight
/// (length × width × height in cm³ ÷ the service's divisor, in kg, rounded up to the gram) when that is higher.</para>
/// <para>Within the zone, a band applies when the parcel fits its size limits (sides compared sorted, so in any
/// rotation). Per size class the lightest band whose bound is at least the billable weight applies; when the parcel fits
/// several size classes, the cheapest of their applicable bands wins (then the lighter band, then the earlier class).
/// Without dimensions no size limit is checked.</para>
/// </remarks>
public sealed class TableRateEngine
{
    private readonly RateCard _rateCard;
    private readonly ZoneMap _zones;

    /// <summary>Creates an engine over a rate card and a zone chart.</summary>
    /// <param name="rateCard">The prices.</param>
    /// <param name="zones">The zone chart naming the zones the rate card prices.</param>
    public TableRateEngine(RateCard rateCard, ZoneMap zones)
    {
        ArgumentNullException.ThrowIfNull(rateCard);
        ArgumentNullException.ThrowIfNull(zones);
        _rateCard = rateCard;
        _zones = zones;
    }

    /// <summary>The prices.</summary>
    public RateCard RateCard => _rateCard;

    /// <summary>The zone chart.</summary>
    public ZoneMap Zones => _zones;

    /// <summary>Rates a parcel with one service.</summary>
    /// <param name="carrier">The carrier's name, as the rate card spells it (ordinal).</param>
    /// <param name="service">The service's name, as the rate card spells it (ordinal).</param>
    /// <param name="query">The parcel.</param>
    /// <returns>The price and how it was found, or why there is none.</returns>
    /// <exception cref="ArgumentException">A country in the query is <c>default</c>.</exception>
    public RateResult Rate(string carrier, string service, in RateQuery query)
    {
        ArgumentNullException.ThrowIfNull(carrier);
        ArgumentNullException.ThrowIfNull(service);
        Check(query);
        var table = _rateCard.FindTable(carrier, service);
        if (table is null)
        {
            return new RateResult(RateOutcome.UnknownService, carrier, service, null, null, null, null, false, $"the rate card has no service {carrier}/{service}.");
        }

        if (!_zones.TryGetZone(query.Origin, query.Destination, out var zone))
        {
            return new RateResult(RateOutcome.NoZone, carrier, service, table.Definition, null, null, null, false, $"the zone chart has no zone for parcels from {query.Origin} to {query.Destination}.");
        }

        return RateInZone(table, zone, query, describe: true);
    }

    /// <summary>Rates a parcel with every service that takes it: the services and methods that fit.</summary>
    /// <param name="query">The parcel.</param>
    /// <param name="method">Only services offering this return method, or every service when <see langword="null"/>.</param>
    /// <returns>One rated result per service that has a price, in rate-card order; empty when none has.</returns>
    /// <exception cref="ArgumentException">A country in the query is <c>default</c>.</exception>
    public IReadOnlyList<RateResult> RateAll(in RateQuery query, ReturnMethod? method = null)
    {
        Check(query);
        if (!_zones.TryGetZone(query.Origin, query.Destination, out var zone))
        {
            return [];
        }

        List<RateResult>? results = null;
        foreach (var table in _rateCard.Tables)
        {
            if (method is { } wanted && !Offers(table.Definition, wanted))
            {
                continue;
            }

            var result = RateInZone(table, zone, query, describe: false);
            if (result.IsRated)
            {
                (results ??= []).Add(result);
            }
        }

        return results is null ? [] : results;
    }

    private static bool Offers(RateCardService service, ReturnMethod method)
    {
        var methods = service.Methods;
        for (var i = 0; i < methods.Count; i++)
        {
            if (methods[i] == method)
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(in RateQuery query)
    {
        if (query.Origin.Value.Length == 0 || query.Destination.Value.Length == 0)
        {
            throw new ArgumentException("The query's origin and destination must be countries; default(CountryCode) is not one.", nameof(query));
        }
    }

    private static RateResult RateInZone(ServiceTable table, string zone, in RateQuery query, bool describe)
    {
        var definition = table.Definition;
        if (!table.Zones.TryGetValue(zone, out var zoneTable))
        {
            return new RateResult(
                RateOutcome.ZoneNotServed,
                definition.Carrier,
                definition.Service,
                definition,
                zone,
                null,
                null,
                false,
                describe ? $"{definition.Carrier}/{definition.Service} has no prices for zone {zone} (parcels from {query.Origin} to {query.Destination})." : null);
        }

        var billable = query.Weight.Grams;
        var dimensional = false;
        if (definition.DimensionalDivisor is { } divisor && query.Dimensions is { } size)
        {
            var dimensionalGrams = decimal.Ceiling(size.VolumeCubicCm * 1000m / divisor);
            if (dimensionalGrams > billable)
            {
                billable = dimensionalGrams;
                dimensional = true;
            }
        }

        Weight? billableWeight = billable <= RateCardRules.MaxGrams ? Weight.FromGrams(billable) : null;
        RateBand? best = null;
        var fits = false;
        foreach (var sizeClass in zoneTable.Classes)
        {
            if (query.Dimensions is { } dimensions && !sizeClass.Size.Fits(dimensions))
            {
                continue;
            }

            fits = true;
            var index = Array.BinarySearch(sizeClass.MaxGrams, billable);
            if (index < 0)
            {
                index = ~index;
            }

            if (index == sizeClass.Bands.Length)
            {
                continue;
            }

            var band = sizeClass.Bands[index];
            if (best is null
                || band.Price.Amount < best.Price.Amount
                || (band.Price.Amount == best.Price.Amount && band.MaxWeight.Grams < best.MaxWeight.Grams))
            {
                best = band;
            }
        }

        if (best is not null)
        {
            return new RateResult(RateOutcome.Rated, definition.Carrier, definition.Service, definition, zone, best, billableWeight, dimensional, null);
        }

        var outcome = fits ? RateOutcome.TooHeavy : RateOutcome.TooLarge;
        return new RateResult(
            outcome,
            definition.Carrier,
            definition.Service,
            definition,
            zone,
            null,
            billableWeight,
            dimensional,
            describe ? DescribeFailure(outcome, zoneTable, definition, query, billable, dimensional) : null);
    }

    private static string DescribeFailure(RateOutcome outcome, ZoneTable zoneTable, RateCardService definition, in RateQuery query, decimal billable, bool dimensional)
    {
        var name = $"{definition.Carrier}/{definition.Service} in zone {zoneTable.Zone}";
        if (outcome == RateOutcome.TooLarge)
        {
            var limits = string.Join("; ", zoneTable.Classes.Select(c => c.Size.ToString()));
            return $"{query.Dimensions} does not fit the size limits of {name} ({limits}).";
        }

        var dimensions = query.Dimensions;
        var heaviest = zoneTable.Classes
            .Where(c => dimensions is not { } d || c.Size.Fits(d))
            .Max(c => c.MaxGrams[^1]);
        var kind = dimensional ? $"dimensional weight of {dimensions}" : "actual weight";
        return string.Create(CultureInfo.InvariantCulture, $"the billable weight {billable:0.###} g ({kind}) is above the heaviest band of {name} the parcel fits ({heaviest:0.###} g).");
    }
}
