using System.Globalization;
using Returns.Sdk;

namespace Returns.Carriers.TableRate.Internal;

/// <summary>What a rejected band conflicts with.</summary>
internal enum BandConflict
{
    None,
    Methods,
    DimensionalDivisor,
    Currency,
    DuplicateBand,
}

/// <summary>
/// Collects bands one at a time, checks them against the bands already collected (one set of methods and one divisor
/// per service, one currency per service and zone, no two bands with the same bound in one size class) and builds
/// the indexed <see cref="RateCard"/>. Bands usually arrive sorted by weight, which makes adding one O(1).
/// </summary>
internal sealed class RateCardBuilder
{
    private readonly Dictionary<(string Carrier, string Service), ServiceBuilder> _services = [];
    private readonly List<ServiceBuilder> _order = [];

    internal int BandCount { get; private set; }

    internal bool ContainsService(string carrier, string service) => _services.ContainsKey((carrier, service));

    /// <summary>Adds a band whose values are valid on their own.</summary>
    /// <returns>The conflict and its message, or <see cref="BandConflict.None"/> when the band was added.</returns>
    internal (BandConflict Conflict, string? Message) TryAdd(string carrier, string service, IReadOnlyList<ReturnMethod> methods, decimal? divisor, RateBand band)
    {
        if (!_services.TryGetValue((carrier, service), out var builder))
        {
            builder = new ServiceBuilder(carrier, service, methods, divisor, band.SourceLine);
            _services.Add((carrier, service), builder);
            _order.Add(builder);
        }
        else if (!RateCardRules.SameMethods(builder.Methods, methods))
        {
            return (BandConflict.Methods, $"{carrier}/{service} is offered by {RateCardRules.Names(builder.Methods)} {RateCardRules.OnLine(builder.FirstLine)} but by {RateCardRules.Names(methods)} here; every row of a service lists the same methods.");
        }
        else if (builder.Divisor != divisor)
        {
            return (BandConflict.DimensionalDivisor, string.Create(CultureInfo.InvariantCulture, $"{carrier}/{service} has the dimensional-weight divisor {Describe(builder.Divisor)} {RateCardRules.OnLine(builder.FirstLine)} but {Describe(divisor)} here; every row of a service uses the same divisor."));
        }

        var result = builder.Add(band);
        if (result.Conflict == BandConflict.None)
        {
            BandCount++;
        }

        return result;
    }

    internal RateCard Build() => new([.. _order.Select(s => s.Build())], BandCount);

    private static string Describe(decimal? divisor) => divisor is { } d ? d.ToString(CultureInfo.InvariantCulture) : "none";

    private sealed class ServiceBuilder(string carrier, string service, IReadOnlyList<ReturnMethod> methods, decimal? divisor, int? firstLine)
    {
        private readonly Dictionary<string, ZoneBuilder> _zones = new(StringComparer.Ordinal);
        private readonly List<ZoneBuilder> _zoneOrder = [];

        public IReadOnlyList<ReturnMethod> Methods { get; } = methods;

        public decimal? Divisor { get; } = divisor;

        public int? FirstLine { get; } = firstLine;

        public (BandConflict Conflict, string? Message) Add(RateBand band)
        {
            if (!_zones.TryGetValue(band.Zone, out var zone))
            {
                zone = new ZoneBuilder(band.Zone, band.Price.Currency, band.SourceLine);
                _zones.Add(band.Zone, zone);
                _zoneOrder.Add(zone);
            }
            else if (zone.Currency != band.Price.Currency)
            {
                return (BandConflict.Currency, $"the price is in {band.Price.Currency.Code} but zone {band.Zone} of {carrier}/{service} is priced in {zone.Currency.Code} {RateCardRules.OnLine(zone.FirstLine)}; a zone of a service is priced in one currency.");
            }

            var sizeClass = zone.ClassFor(band.Size);
            var existing = sizeClass.Add(band);
            return existing is null
                ? (BandConflict.None, null)
                : (BandConflict.DuplicateBand, string.Create(CultureInfo.InvariantCulture, $"the weight band up to {band.MaxWeight.Grams} g of {carrier}/{service} in zone {band.Zone} with size limits {band.Size} is already defined {RateCardRules.OnLine(existing.SourceLine)}; the bands of one service, zone and size limits must not overlap."));
        }

        public ServiceTable Build()
        {
            var bands = new List<RateBand>();
            var zones = new Dictionary<string, ZoneTable>(_zoneOrder.Count, StringComparer.Ordinal);
            foreach (var zone in _zoneOrder)
            {
                var classes = new SizeClass[zone.Classes.Count];
                for (var i = 0; i < classes.Length; i++)
                {
                    var classBands = zone.Classes[i].Bands.ToArray();
                    bands.AddRange(classBands);
                    classes[i] = new SizeClass(zone.Classes[i].Size, [.. classBands.Select(b => b.MaxWeight.Grams)], classBands);
                }

                zones.Add(zone.Name, new ZoneTable(zone.Name, classes));
            }

            var definition = new RateCardService(carrier, service) { Methods = Methods, DimensionalDivisor = Divisor, Bands = bands };
            return new ServiceTable(definition, zones);
        }
    }

    private sealed class ZoneBuilder(string name, Currency currency, int? firstLine)
    {
        public string Name { get; } = name;

        public Currency Currency { get; } = currency;

        public int? FirstLine { get; } = firstLine;

        public List<SizeClassBuilder> Classes { get; } = [];

        public SizeClassBuilder ClassFor(SizeLimits size)
        {
            foreach (var candidate in Classes)
            {
                if (ReferenceEquals(candidate.Size, size) || candidate.Size.Equals(size))
                {
                    return candidate;
                }
            }

            var created = new SizeClassBuilder(size);
            Classes.Add(created);
            return created;
        }
    }

    private sealed class SizeClassBuilder(SizeLimits size)
    {
        public SizeLimits Size { get; } = size;

        public List<RateBand> Bands { get; } = [];

        /// <summary>Inserts in weight order.</summary>
        /// <returns>The band with the same bound already present, or <see langword="null"/> when added.</returns>
        public RateBand? Add(RateBand band)
        {
            var grams = band.MaxWeight.Grams;
            if (Bands.Count == 0 || Bands[^1].MaxWeight.Grams < grams)
            {
                Bands.Add(band);
                return null;
            }

            int low = 0, high = Bands.Count - 1;
            while (low <= high)
            {
                var middle = low + ((high - low) / 2);
                var current = Bands[middle].MaxWeight.Grams;
                if (current == grams)
                {
                    return Bands[middle];
                }

                if (current < grams)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            Bands.Insert(low, band);
            return null;
        }
    }
}

/// <summary>A service and its bands indexed by zone.</summary>
internal sealed class ServiceTable(RateCardService definition, Dictionary<string, ZoneTable> zones)
{
    public RateCardService Definition { get; } = definition;

    public Dictionary<string, ZoneTable> Zones { get; } = zones;
}

/// <summary>The size classes of one service in one zone, in order of first appearance.</summary>
internal sealed class ZoneTable(string zone, SizeClass[] classes)
{
    public string Zone { get; } = zone;

    public SizeClass[] Classes { get; } = classes;
}

/// <summary>The bands of one size class, sorted by their upper bound.</summary>
internal sealed class SizeClass(SizeLimits size, decimal[] maxGrams, RateBand[] bands)
{
    public SizeLimits Size { get; } = size;

    public decimal[] MaxGrams { get; } = maxGrams;

    public RateBand[] Bands { get; } = bands;
}
