using FsCheck;
using FsCheck.Fluent;
using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.Rating;

public sealed class RatingPropertyTests
{
    private static readonly TableRateEngine PostNl = PostNlEngineAsync().GetAwaiter().GetResult();

    private static readonly CountryCode[] Countries = [.. new[] { "NL", "DE", "BE", "PL", "NO", "US", "JP", "AU" }.Select(CountryCode.Parse)];

    private static Gen<Dimensions?> OptionalDimensions() =>
        Gen.OneOf(
            Gen.Constant<Dimensions?>(null),
            from sides in Gen.ArrayOf(Gen.Choose(1, 2000), 3)
            select (Dimensions?)new Dimensions(sides[0] / 10m, sides[1] / 10m, sides[2] / 10m));

    /// <summary>Two weights in grams, lighter first, often at or around a band bound.</summary>
    private static Gen<(decimal Light, decimal Heavy)> WeightPairs() =>
        from a in Gen.OneOf(Gen.Choose(0, 40_000), Gen.Elements(20, 50, 100, 250, 2000, 2001, 5000, 5001, 10_000, 10_001, 20_000, 30_000, 30_001))
        from b in Gen.OneOf(Gen.Choose(0, 40_000), Gen.Elements(2000, 2001, 5000, 5001, 20_000, 20_001))
        select ((decimal)Math.Min(a, b), (decimal)Math.Max(a, b));

    private static Gen<(string Service, CountryCode Destination, decimal Light, decimal Heavy, Dimensions? Dimensions)> PostNlScenarios() =>
        from service in Gen.Elements(PostNl.RateCard.Services.Select(s => s.Service).ToArray())
        from destination in Gen.Elements(Countries)
        from weights in WeightPairs()
        from dimensions in OptionalDimensions()
        select (service, destination, weights.Light, weights.Heavy, dimensions);

    /// <summary>A random service whose size classes each have strictly heavier bands with prices that never fall.</summary>
    private static Gen<RateCard> MonotonicCards() =>
        from classCount in Gen.Choose(1, 3)
        from classes in Gen.ArrayOf(SizeClass(), classCount)
        from divisor in Gen.Elements<decimal?>(null, 4000m, 5000m, 6000m)
        select Card(classes, divisor);

    private static Gen<(int[] Box, int[] Steps, int[] Raises)> SizeClass() =>
        from box in Gen.ArrayOf(Gen.Choose(100, 2000), 3)
        from bandCount in Gen.Choose(1, 6)
        from steps in Gen.ArrayOf(Gen.Choose(1, 10_000), bandCount)
        from raises in Gen.ArrayOf(Gen.Choose(0, 1_000), bandCount)
        select (box, steps, raises);

    private static RateCard Card((int[] Box, int[] Steps, int[] Raises)[] classes, decimal? divisor)
    {
        var bands = new List<RateBand>();
        foreach (var (box, steps, raises) in classes)
        {
            var size = SizeLimits.Box(box[0], box[1], box[2]);
            if (bands.Any(b => b.Size == size))
            {
                continue;
            }

            decimal grams = 0, cents = 0;
            for (var i = 0; i < steps.Length; i++)
            {
                grams += steps[i];
                cents += raises[i];
                bands.Add(new RateBand("Z", Weight.FromGrams(grams), new Money(cents / 100m, Currency.EUR)) { Size = size });
            }
        }

        return RateCard.Create([new RateCardService("c", "s") { Methods = [ReturnMethod.PostOffice], DimensionalDivisor = divisor, Bands = bands }]);
    }

    private static bool NotCheaperWhenHeavier(RateResult light, RateResult heavy) =>
        (light.Outcome, heavy.Outcome) switch
        {
            (RateOutcome.Rated, RateOutcome.Rated) => light.Price!.Value <= heavy.Price!.Value,
            (RateOutcome.Rated, _) => heavy.Outcome == RateOutcome.TooHeavy,
            (_, RateOutcome.Rated) => false,
            _ => light.Outcome == heavy.Outcome || heavy.Outcome == RateOutcome.TooHeavy,
        };

    [FsCheck.Xunit.Property(MaxTest = 500)]
    public Property Rate_PostNlHeavierParcel_NeverCheaper() =>
        Prop.ForAll(PostNlScenarios().ToArbitrary(), s =>
        {
            var light = PostNl.Rate("postnl", s.Service, Query(NL, s.Destination, Grams(s.Light), s.Dimensions));
            var heavy = PostNl.Rate("postnl", s.Service, Query(NL, s.Destination, Grams(s.Heavy), s.Dimensions));
            return NotCheaperWhenHeavier(light, heavy);
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Rate_GeneratedMonotonicCardHeavierParcel_NeverCheaper() =>
        Prop.ForAll(
            (from card in MonotonicCards()
             from weights in Gen.ArrayOf(Gen.Choose(0, 70_000), 2)
             from dimensions in OptionalDimensions()
             select (card, Light: (decimal)weights.Min(), Heavy: (decimal)weights.Max(), dimensions)).ToArbitrary(),
            s =>
            {
                var engine = new TableRateEngine(s.card, Everywhere("Z"));
                var light = engine.Rate("c", "s", Query(NL, NL, Grams(s.Light), s.dimensions));
                var heavy = engine.Rate("c", "s", Query(NL, NL, Grams(s.Heavy), s.dimensions));
                return NotCheaperWhenHeavier(light, heavy);
            });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Rate_SameQueryTwiceAndOnAFreshLoad_SameAnswer() =>
        Prop.ForAll(PostNlScenarios().ToArbitrary(), s =>
        {
            var reloaded = new TableRateEngine(
                RateCard.LoadFileAsync(PostNlTariffPath).GetAwaiter().GetResult().Value,
                ZoneMap.LoadFileAsync(PostNlZonesPath).GetAwaiter().GetResult().Value);
            var query = Query(NL, s.Destination, Grams(s.Heavy), s.Dimensions);

            var first = PostNl.Rate("postnl", s.Service, query);
            var second = PostNl.Rate("postnl", s.Service, query);
            var fresh = reloaded.Rate("postnl", s.Service, query);

            return first == second
                && Summary(first) == Summary(fresh)
                && first.Message == fresh.Message
                && PostNl.RateAll(query).Select(Summary).SequenceEqual(reloaded.RateAll(query).Select(Summary));
        });

    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Rate_SidesInAnyOrder_SameAnswer() =>
        Prop.ForAll(PostNlScenarios().ToArbitrary(), s =>
        {
            if (s.Dimensions is not { } d)
            {
                return true;
            }

            var asGiven = PostNl.Rate("postnl", s.Service, Query(NL, s.Destination, Grams(s.Light), d));
            var rotated = PostNl.Rate("postnl", s.Service, Query(NL, s.Destination, Grams(s.Light), Cm(d.HeightCm, d.LengthCm, d.WidthCm)));
            return Summary(asGiven) == Summary(rotated);
        });

    private static (RateOutcome, string?, Money?, decimal?, Weight?, bool) Summary(RateResult r) =>
        (r.Outcome, r.Zone, r.Price, r.Band?.MaxWeight.Grams, r.BillableWeight, r.IsDimensionalWeight);
}
