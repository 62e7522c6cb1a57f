using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.Rating;

public sealed class TableRateEngineTests
{
    private static async Task<TableRateEngine> EngineAsync(string csv, ZoneMap? zones = null) =>
        new((await ReadCardAsync(csv)).Value, zones ?? Everywhere("Z"));

    [Theory]
    [InlineData(2000, 13.00, 2000)]
    [InlineData(2001, 19.50, 5000)]
    [InlineData(1, 13.00, 2000)]
    [InlineData(0, 13.00, 2000)]
    [InlineData(5000, 19.50, 5000)]
    [InlineData(5000.5, 25.00, 10000)]
    [InlineData(30000, 45.00, 30000)]
    public async Task Rate_AtAndJustAboveBandBound_InclusiveUpperBound(double grams, double price, int band)
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "InternationalPakket", Query(NL, DE, Grams((decimal)grams)));

        Assert.Equal((Money.Of((decimal)price, "EUR"), (decimal)band), (result.Price!.Value, result.Band!.MaxWeight.Grams));
    }

    [Fact]
    public async Task Rate_DomesticBrief2001Grams_TooHeavy()
    {
        var engine = await PostNlEngineAsync();

        var atBound = engine.Rate("postnl", "DomesticBrief", Query(NL, NL, Grams(2000)));
        var above = engine.Rate("postnl", "DomesticBrief", Query(NL, NL, Grams(2001)));

        Assert.Equal(Money.Of(4.15m, "EUR"), atBound.Price);
        Assert.Equal(RateOutcome.TooHeavy, above.Outcome);
        Assert.Equal(Grams(2001), above.BillableWeight);
        Assert.Equal("the billable weight 2001 g (actual weight) is above the heaviest band of postnl/DomesticBrief in zone ZONE_NL the parcel fits (2000 g).", above.Message);
    }

    [Fact]
    public async Task Rate_BulkyLightParcel_ChargesDimensionalWeight()
    {
        var engine = await EngineAsync("""
            carrier,service,zone,max_weight_g,price_eur,dim_divisor
            dhl,Paket,Z,2000,5.00,5000
            dhl,Paket,Z,5000,7.00,5000
            dhl,Paket,Z,10000,9.00,5000
            dhl,Paket,Z,31500,15.00,5000
            """);

        // 50 x 40 x 30 cm = 60,000 cm³ / 5000 = 12 kg billable although it weighs 1 kg.
        var bulky = engine.Rate("dhl", "Paket", Query(NL, NL, Kg(1), Cm(50, 40, 30)));
        var dense = engine.Rate("dhl", "Paket", Query(NL, NL, Kg(14), Cm(50, 40, 30)));
        var noDimensions = engine.Rate("dhl", "Paket", Query(NL, NL, Kg(1)));

        Assert.Equal((Kg(12), true, 15.00m), (bulky.BillableWeight!.Value, bulky.IsDimensionalWeight, bulky.Price!.Value.Amount));
        Assert.Equal((Kg(14), false), (dense.BillableWeight!.Value, dense.IsDimensionalWeight));
        Assert.Equal((Kg(1), false, 5.00m), (noDimensions.BillableWeight!.Value, noDimensions.IsDimensionalWeight, noDimensions.Price!.Value.Amount));
        Assert.EndsWith("billable 12 kg (dimensional).", bulky.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rate_DimensionalWeight_RoundedUpToTheGram()
    {
        var engine = await EngineAsync("carrier,service,zone,max_weight_g,price_eur,dim_divisor\nc,s,Z,1000,1.00,6000\nc,s,Z,2000,2.00,6000\n");

        // 10 x 10 x 60.01 cm = 6001 cm³ / 6000 = 1.000166.. kg -> 1001 g.
        var result = engine.Rate("c", "s", Query(NL, NL, Grams(10), Cm(10, 10, 60.01m)));

        Assert.Equal((Grams(1001), 2.00m), (result.BillableWeight!.Value, result.Price!.Value.Amount));
    }

    [Fact]
    public async Task Rate_WithoutDivisor_BulkyParcelPaysActualWeight()
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "DomesticPakket", Query(NL, NL, Kg(1), Cm(100, 50, 50)));

        Assert.Equal((Kg(1), false, Kg(2)), (result.BillableWeight!.Value, result.IsDimensionalWeight, result.Band!.MaxWeight));
    }

    [Fact]
    public async Task Rate_GiganticDimensionalWeight_TooHeavyWithoutBillableWeight()
    {
        var engine = await EngineAsync("carrier,service,zone,max_weight_g,price_eur,dim_divisor\nc,s,Z,1000000,1.00,1000\n");

        var result = engine.Rate("c", "s", Query(NL, NL, Kg(1), Cm(1000, 1000, 1000)));

        Assert.Equal(RateOutcome.TooHeavy, result.Outcome);
        Assert.Null(result.BillableWeight);
        Assert.True(result.IsDimensionalWeight);
    }

    [Theory]
    [InlineData(100, 30, 30, true)]
    [InlineData(30, 100, 30, true)]
    [InlineData(101, 30, 30, false)]
    [InlineData(80, 40, 31, false)]
    [InlineData(90, 35, 35, false)]
    [InlineData(80, 35, 35, true)]
    public async Task Rate_GirthLimits_LongestSidePlusTwiceTheOthers(double a, double b, double c, bool fits)
    {
        // girth <= 140 cm and length+girth <= 220 cm: 80 x 40 x 31 has girth 142; 90 x 35 x 35 has girth 140 but length+girth 230.
        var engine = await EngineAsync("carrier,service,zone,max_weight_g,price_eur,max_girth_mm,max_length_plus_girth_mm,max_length_mm,max_width_mm,max_height_mm\nc,s,Z,1000,1.00,1400,2200,1000,1000,1000\n");

        var result = engine.Rate("c", "s", Query(NL, NL, Grams(500), Cm((decimal)a, (decimal)b, (decimal)c)));

        Assert.Equal(fits ? RateOutcome.Rated : RateOutcome.TooLarge, result.Outcome);
    }

    [Fact]
    public async Task Rate_ParcelFitsSeveralSizeClasses_CheapestApplicableBandWins()
    {
        var engine = await EngineAsync("""
            carrier,service,zone,max_weight_g,price_eur,max_length_mm,max_width_mm,max_height_mm
            c,s,Z,2000,9.00,600,400,400
            c,s,Z,5000,12.00,600,400,400
            c,s,Z,2000,4.00,400,300,100
            c,s,Z,5000,11.00,1000,1000,1000
            """);

        Assert.Equal(4.00m, engine.Rate("c", "s", Query(NL, NL, Kg(1), Cm(30, 20, 10))).Price!.Value.Amount);
        Assert.Equal(9.00m, engine.Rate("c", "s", Query(NL, NL, Kg(1), Cm(30, 20, 20))).Price!.Value.Amount);
        Assert.Equal(11.00m, engine.Rate("c", "s", Query(NL, NL, Kg(3), Cm(30, 20, 20))).Price!.Value.Amount);
        Assert.Equal(11.00m, engine.Rate("c", "s", Query(NL, NL, Kg(1), Cm(70, 20, 20))).Price!.Value.Amount);
        Assert.Equal(RateOutcome.TooLarge, engine.Rate("c", "s", Query(NL, NL, Kg(1), Cm(101, 20, 20))).Outcome);
    }

    [Fact]
    public async Task Rate_TransitDays_FromTheBandUsed()
    {
        var engine = await EngineAsync("carrier,service,zone,max_weight_g,price_eur,transit_days\nc,s,Z,1000,1.00,1\nc,s,Z,2000,2.00,2\n");

        Assert.Equal(2, engine.Rate("c", "s", Query(NL, NL, Grams(1500))).TransitDays);
    }

    [Fact]
    public async Task Rate_UnknownService_ResultNotException()
    {
        var engine = await PostNlEngineAsync();

        var result = engine.Rate("postnl", "Pakket", Query(NL, NL, Kg(1)));

        Assert.Equal(RateOutcome.UnknownService, result.Outcome);
        Assert.False(result.IsRated);
        Assert.Null(result.Definition);
        Assert.Empty(result.Methods);
        Assert.Equal("the rate card has no service postnl/Pakket.", result.Message);
    }

    [Fact]
    public async Task Rate_CountryOutsideZoneChart_NoZone()
    {
        var zones = ZoneMap.Create([new ZoneAssignment("ZONE_NL", NL)]);
        var engine = new TableRateEngine(await PostNlAsync(), zones);

        var result = engine.Rate("postnl", "InternationalPakket", Query(NL, US, Kg(1)));

        Assert.Equal(RateOutcome.NoZone, result.Outcome);
        Assert.Null(result.Zone);
        Assert.Equal("the zone chart has no zone for parcels from NL to US.", result.Message);
        Assert.Empty(engine.RateAll(Query(NL, US, Kg(1))));
    }

    [Fact]
    public async Task Rate_DefaultCountry_ArgumentException()
    {
        var engine = await PostNlEngineAsync();

        Assert.Throws<ArgumentException>(() => engine.Rate("postnl", "DomesticPakket", Query(default, NL, Kg(1))));
    }

    [Fact]
    public async Task Rate_RatedPath_AllocatesNothing()
    {
        var engine = await PostNlEngineAsync();
        var query = Query(NL, DE, Kg(3), Cm(40, 30, 20));
        engine.Rate("postnl", "InternationalPakket", query);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            engine.Rate("postnl", "InternationalPakket", query);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
