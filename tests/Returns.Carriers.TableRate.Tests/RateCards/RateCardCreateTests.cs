using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.RateCards;

public sealed class RateCardCreateTests
{
    private static RateBand Band(decimal grams, decimal euros, string zone = "Z") => new(zone, Grams(grams), Money.Of(euros, "EUR"));

    private static RateCardService Service(string name, params RateBand[] bands) =>
        new("c", name) { Methods = [ReturnMethod.PostOffice], Bands = bands };

    [Fact]
    public void Create_ValidServices_IndexedAndSorted()
    {
        var card = RateCard.Create([Service("s", Band(5000, 5), Band(1000, 1) with { Size = SizeLimits.Box(100, 300, 200) }, Band(2000, 2))]);

        var service = Assert.Single(card.Services);
        Assert.Equal([2000m, 5000m, 1000m], service.Bands.Select(b => b.MaxWeight.Grams));
        Assert.Equal(SizeLimits.Box(300, 200, 100), service.Bands[2].Size);
        Assert.Equal((300, 200, 100), (service.Bands[2].Size.MaxLengthMm!.Value, service.Bands[2].Size.MaxWidthMm!.Value, service.Bands[2].Size.MaxHeightMm!.Value));
        Assert.Equal(3, card.BandCount);
        Assert.Same(service, card.FindService("c", "s"));
        Assert.Null(card.FindService("C", "s"));
    }

    [Fact]
    public void Create_UnsortedBoxLimits_NormalisedIntoOneSizeClass()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => RateCard.Create([Service(
            "s",
            Band(1000, 1) with { Size = new SizeLimits { MaxLengthMm = 100, MaxWidthMm = 300, MaxHeightMm = 200 } },
            Band(1000, 2) with { Size = SizeLimits.Box(300, 200, 100) })]));

        Assert.Equal("services[0].bands[1]", Assert.Single(exception.Errors).Path);
    }

    [Fact]
    public void Create_BadValues_EveryErrorWithItsPath()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => RateCard.Create(
        [
            Service("ok", Band(1000, 1)),
            new RateCardService("", "s") { Methods = [], DimensionalDivisor = -1 },
            Service("ok", Band(1000, 1)),
            Service(
                "bands",
                Band(0, 1),
                Band(1000, -1),
                new RateBand("Z", Grams(2000), Money.Of(1.234m, "EUR")),
                Band(3000, 1, zone: " ") with { TransitDays = -2, Size = new SizeLimits { MaxLengthMm = 10 } },
                Band(4000, 1) with { Size = new SizeLimits { MaxGirthMm = 0 } },
                new RateBand("Z", Grams(5000), default)),
            Service("empty"),
        ]));

        Assert.Equal(
            [
                "services[1].carrier", "services[1].methods", "services[1].dimensionalDivisor",
                "services[2]",
                "services[3].bands[0].maxWeight", "services[3].bands[1].price", "services[3].bands[2].price",
                "services[3].bands[3].zone", "services[3].bands[3].transitDays", "services[3].bands[3].size",
                "services[3].bands[4].size.maxGirthMm", "services[3].bands[5].price",
                "services[4].bands",
            ],
            exception.Errors.Select(e => e.Path));
        Assert.Equal("the service c/ok is listed twice; list each service once with all its bands.", exception.Errors[3].Message);
    }

    [Fact]
    public void Create_DuplicateBandAndMixedCurrency_Rejected()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => RateCard.Create([Service(
            "s",
            Band(1000, 1),
            Band(1000, 2),
            new RateBand("Z", Grams(2000), Money.Of(2, "GBP")))]));

        Assert.Equal(["services[0].bands[1]", "services[0].bands[2]"], exception.Errors.Select(e => e.Path));
        Assert.Equal("the weight band up to 1000 g of c/s in zone Z with size limits unlimited is already defined earlier; the bands of one service, zone and size limits must not overlap.", exception.Errors[0].Message);
    }

    [Fact]
    public void Create_CallerChangesMethodListAfterwards_CardUnchanged()
    {
        var methods = new List<ReturnMethod> { ReturnMethod.Mailbox };
        var card = RateCard.Create([new RateCardService("c", "s") { Methods = methods, Bands = [Band(1000, 1)] }]);

        methods.Add(ReturnMethod.HomePickup);

        Assert.Equal([ReturnMethod.Mailbox], card.Services[0].Methods);
    }

    [Fact]
    public void Create_NoServices_EmptyCard()
    {
        var card = RateCard.Create([]);

        Assert.Empty(card.Services);
        Assert.Empty(RateCard.Empty.Services);
    }

    [Fact]
    public void Create_ZeroDivisor_MeansNone()
    {
        var card = RateCard.Create([Service("s", Band(1000, 1)) with { DimensionalDivisor = 0 }]);

        Assert.Null(card.Services[0].DimensionalDivisor);
    }
}
