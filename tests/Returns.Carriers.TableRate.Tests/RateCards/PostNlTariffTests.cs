using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.RateCards;

/// <summary>The PostNL 2018 price guide, read as published, rated against its real prices.</summary>
public sealed class PostNlTariffTests
{
    [Fact]
    public async Task LoadFileAsync_PostNl2018AsPublished_ReadsEveryRow()
    {
        var result = await RateCard.LoadFileAsync(PostNlTariffPath, cancellationToken: Cancel);

        Assert.Empty(result.Errors);
        var lines = File.ReadAllLines(PostNlTariffPath).Length - 1;
        Assert.Equal(lines, result.Value.BandCount);
        Assert.Equal(86, result.Value.BandCount);
        Assert.Equal(
            ["DomesticAangetekend", "DomesticBetaalservice", "DomesticBrief", "DomesticBrievenbuspakje", "DomesticPakket", "DomesticVerzekerservice",
             "InternationalAangetekend", "InternationalBrief", "InternationalPakket", "InternationalPakketNoTrackAndTrace", "InternationalVerzekerservice"],
            result.Value.Services.Select(s => s.Service));
        Assert.All(result.Value.Services, s => Assert.Equal("postnl", s.Carrier));
        Assert.All(result.Value.Services, s => Assert.Equal([ReturnMethod.PostOffice], s.Methods));
    }

    [Fact]
    public async Task LoadFileAsync_PostNl2018_KeepsSizeClassesPriceAndSourceLine()
    {
        var pakket = (await PostNlAsync()).FindService("postnl", "DomesticPakket")!;

        Assert.Equal(
            [(2000m, "1000x500x500 mm", 6.95m, 18), (5000m, "1000x500x500 mm", 6.95m, 19), (10000m, "1760x780x580 mm", 6.95m, 20), (20000m, "1760x780x580 mm", 13.25m, 21), (30000m, "1760x780x580 mm", 13.25m, 22)],
            pakket.Bands.Select(b => (b.MaxWeight.Grams, b.Size.ToString(), b.Price.Amount, b.SourceLine!.Value)));
        Assert.All(pakket.Bands, b => Assert.Equal(Currency.EUR, b.Price.Currency));
        Assert.All(pakket.Bands, b => Assert.Equal("ZONE_NL", b.Zone));
        Assert.Null(pakket.DimensionalDivisor);
    }

    [Fact]
    public async Task Rate_DomesticPakket4KgInNl_Costs6Euro95()
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "DomesticPakket", Query(NL, NL, Kg(4), Cm(40, 30, 20)));

        Assert.Equal(RateOutcome.Rated, result.Outcome);
        Assert.Equal(Money.Of(6.95m, "EUR"), result.Price);
        Assert.Equal("ZONE_NL", result.Zone);
        Assert.Equal(Kg(5), result.Band!.MaxWeight);
        Assert.Equal(Kg(4), result.BillableWeight);
        Assert.False(result.IsDimensionalWeight);
        Assert.Null(result.TransitDays);
        Assert.Equal("6.95 EUR for postnl/DomesticPakket in zone ZONE_NL: band up to 5000 g, billable 4 kg.", result.Message);
    }

    [Fact]
    public async Task Rate_DomesticPakket15Kg_Costs13Euro25()
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "DomesticPakket", Query(NL, NL, Kg(15), Cm(60, 40, 40)));

        Assert.Equal(Money.Of(13.25m, "EUR"), result.Price);
        Assert.Equal(Kg(20), result.Band!.MaxWeight);
    }

    [Fact]
    public async Task Rate_DomesticPakketLongerThanSmallBox_UsesLargeBoxBand()
    {
        var engine = await PostNlEngineAsync();

        // 120 cm is too long for the 2 kg and 5 kg boxes (100 cm) but fits the 10 kg box (176 cm).
        var result = engine.Rate("postnl", "DomesticPakket", Query(NL, NL, Kg(1), Cm(120, 30, 20)));

        Assert.Equal(Money.Of(6.95m, "EUR"), result.Price);
        Assert.Equal(Kg(10), result.Band!.MaxWeight);
    }

    [Theory]
    [InlineData(38, 26.5, 3.2)]
    [InlineData(3.2, 38, 26.5)]
    [InlineData(26.5, 3.2, 38)]
    [InlineData(20, 15, 2)]
    public async Task Rate_DomesticBrievenbuspakjeWithin380x265x32InAnyRotation_Fits(double a, double b, double c)
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "DomesticBrievenbuspakje", Query(NL, NL, Kg(1), Cm((decimal)a, (decimal)b, (decimal)c)));

        Assert.Equal(Money.Of(4.25m, "EUR"), result.Price);
    }

    [Theory]
    [InlineData(38.1, 26.5, 3.2)]
    [InlineData(38, 26.6, 3.2)]
    [InlineData(38, 26.5, 3.3)]
    [InlineData(30, 20, 5)]
    public async Task Rate_DomesticBrievenbuspakjeBeyond380x265x32_TooLarge(double a, double b, double c)
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "DomesticBrievenbuspakje", Query(NL, NL, Kg(1), Cm((decimal)a, (decimal)b, (decimal)c)));

        Assert.Equal(RateOutcome.TooLarge, result.Outcome);
        Assert.Null(result.Price);
        Assert.Contains("380x265x32 mm", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_InternationalPakketToGermany_UsesEu1PriceFromFile()
    {
        var engine = await PostNlEngineAsync();
        var eu1Row = File.ReadLines(PostNlTariffPath)
            .Select(l => l.Split(','))
            .Single(f => f[1] == "InternationalPakket" && f[2] == "pakket-5kg" && f[7] == "ZONE_EU1");

        var result = engine.Rate("postnl", "InternationalPakket", Query(NL, DE, Kg(3), Cm(40, 30, 20)));

        Assert.Equal("ZONE_EU1", result.Zone);
        Assert.Equal(Money.Of(decimal.Parse(eu1Row[8], System.Globalization.CultureInfo.InvariantCulture), "EUR"), result.Price);
        Assert.Equal(Money.Of(19.50m, "EUR"), result.Price);
    }

    [Theory]
    [InlineData("PL", "ZONE_EU2", 18.50)]
    [InlineData("NO", "ZONE_EU2", 18.50)]
    [InlineData("US", "ZONE_WORLD", 24.30)]
    [InlineData("BE", "ZONE_EU1", 13.00)]
    public async Task Rate_InternationalPakket2KgAbroad_UsesZoneOfDestination(string destination, string zone, double price)
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "InternationalPakket", Query(NL, CountryCode.Parse(destination), Kg(2)));

        Assert.Equal((zone, Money.Of((decimal)price, "EUR")), (result.Zone, result.Price!.Value));
    }

    [Fact]
    public async Task Rate_InternationalPakket25KgOutsideEurope_TooHeavyBecauseWorldStopsAt20Kg()
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "InternationalPakket", Query(NL, US, Kg(25)));

        Assert.Equal(RateOutcome.TooHeavy, result.Outcome);
        Assert.Equal("ZONE_WORLD", result.Zone);
        Assert.Contains("20000 g", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_DomesticServiceAbroad_ZoneNotServed()
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "DomesticPakket", Query(NL, DE, Kg(1)));

        Assert.Equal(RateOutcome.ZoneNotServed, result.Outcome);
        Assert.Equal("ZONE_EU1", result.Zone);
        Assert.Equal("postnl/DomesticPakket has no prices for zone ZONE_EU1 (parcels from NL to DE).", result.Message);
    }

    [Fact]
    public async Task RateAll_SmallFlatParcelInNl_ListsEveryDomesticServiceThatFits()
    {
        var engine = await PostNlEngineAsync();

        var results = engine.RateAll(Query(NL, NL, Grams(1500), Cm(30, 20, 3)));

        Assert.Equal(
            [("DomesticAangetekend", 8.60m), ("DomesticBetaalservice", 18.35m), ("DomesticBrief", 4.15m), ("DomesticBrievenbuspakje", 4.25m), ("DomesticPakket", 6.95m), ("DomesticVerzekerservice", 14.45m)],
            results.Select(r => (r.Service, r.Price!.Value.Amount)));
        Assert.All(results, r => Assert.Equal([ReturnMethod.PostOffice], r.Methods));
    }

    [Fact]
    public async Task RateAll_ParcelTooThickForMailbox_LeavesOutLetterServices()
    {
        var engine = await PostNlEngineAsync();

        var results = engine.RateAll(Query(NL, NL, Grams(1500), Cm(30, 20, 10)));

        Assert.DoesNotContain(results, r => r.Service is "DomesticBrief" or "DomesticBrievenbuspakje");
        Assert.Equal(4, results.Count);
    }

    [Fact]
    public async Task RateAll_MethodNotOffered_Empty()
    {
        var engine = await PostNlEngineAsync();

        Assert.Empty(engine.RateAll(Query(NL, NL, Kg(1)), ReturnMethod.HomePickup));
        Assert.Equal(6, engine.RateAll(Query(NL, NL, Kg(1)), ReturnMethod.PostOffice).Count);
    }
}
