using Returns.Sdk.Csv;
using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.Csv;

public sealed class RateCardCsvFormatTests
{
    [Fact]
    public async Task LoadAsync_Utf8ByteOrderMark_Ignored()
    {
        var result = await ReadCardAsync("carrier,service,zone,max_weight_g,price_eur\npostnl,Pakket,Z,2000,6.95\n", bom: true);

        Assert.Equal("Pakket", Assert.Single(result.Value.Services).Service);
    }

    [Fact]
    public async Task LoadAsync_CrLfLfAndLoneCr_AllEndLines()
    {
        var result = await ReadCardAsync("carrier,service,zone,max_weight_g,price_eur\r\nc,s,Z,1000,1.00\nc,s,Z,2000,2.00\rc,s,Z,3000,3.00\r\nc,s,Z,4000,a\r\n", CsvErrorHandling.SkipAndReport);

        Assert.Equal([1000m, 2000m, 3000m], result.Value.Services[0].Bands.Select(b => b.MaxWeight.Grams));
        Assert.Equal([2, 3, 4], result.Value.Services[0].Bands.Select(b => b.SourceLine!.Value));
        Assert.Equal(5, Assert.Single(result.Errors).Line);
    }

    [Fact]
    public async Task LoadAsync_NoFinalNewlineAndBlankLines_Read()
    {
        var result = await ReadCardAsync("carrier,service,zone,max_weight_g,price_eur\n\nc,s,Z,1000,1.00\n\r\n\nc,s,Z,2000,2.00");

        Assert.Equal([3, 6], result.Value.Services[0].Bands.Select(b => b.SourceLine!.Value));
    }

    [Fact]
    public async Task LoadAsync_QuotedCommasDoubledQuotesAndNewlines_Unquoted()
    {
        var csv = "carrier,service,zone,max_weight_g,price_eur,note\n"
            + "\"post, nl\",\"Pakket \"\"groot\"\"\",\"Z\",\"2000\",\"6.95\",\"two\nlines, with comma\"\n";

        var service = Assert.Single((await ReadCardAsync(csv)).Value.Services);

        Assert.Equal(("post, nl", "Pakket \"groot\""), (service.Carrier, service.Service));
    }

    [Fact]
    public async Task LoadAsync_SurroundingSpaces_Trimmed()
    {
        var result = await ReadCardAsync(" Carrier , SERVICE ,zone,max_weight_g, Price_EUR \n postnl , Pakket , Z , 2000 , 6.95 \n");

        var service = Assert.Single(result.Value.Services);
        Assert.Equal(("postnl", "Pakket", "Z", 6.95m), (service.Carrier, service.Service, service.Bands[0].Zone, service.Bands[0].Price.Amount));
    }

    [Fact]
    public async Task LoadAsync_PriceAndCurrencyColumns_PerRowCurrency()
    {
        var csv = """
            carrier,service,zone,max_weight_g,price,currency
            dhl,Paket,DE,2000,5.49,EUR
            royalmail,Tracked,GB,2000,3.35,gbp
            japanpost,Yu-Pack,JP,2000,1200,JPY
            """;

        var services = (await ReadCardAsync(csv)).Value.Services;

        Assert.Equal(
            [Money.Of(5.49m, "EUR"), Money.Of(3.35m, "GBP"), Money.Of(1200m, "JPY")],
            services.Select(s => s.Bands[0].Price));
    }

    [Fact]
    public async Task LoadAsync_OptionalColumns_Read()
    {
        var csv = """
            carrier,service,zone,max_weight_g,price_gbp,max_length_mm,max_width_mm,max_height_mm,max_girth_mm,max_length_plus_girth_mm,methods,transit_days,dim_divisor,x_internal_code
            ups,Standard,UK,5000,9.50,1000,600,600,2500,3000,post_office; pickup_point;parcel_locker,2,5000,A1
            ups,Standard,UK,10000,12.50,1000,600,600,2500,3000,pickup_point;post_office;parcel_locker,3,5000,A2
            ups,Pickup,UK,10000,15.00,,,,,,home_pickup,,0,
            """;

        var card = (await ReadCardAsync(csv)).Value;

        var standard = card.FindService("ups", "Standard")!;
        Assert.Equal([ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker], standard.Methods);
        Assert.Equal(5000m, standard.DimensionalDivisor);
        Assert.Equal([2, 3], standard.Bands.Select(b => b.TransitDays!.Value));
        Assert.Equal(
            new SizeLimits { MaxLengthMm = 1000, MaxWidthMm = 600, MaxHeightMm = 600, MaxGirthMm = 2500, MaxLengthPlusGirthMm = 3000 },
            standard.Bands[0].Size);
        Assert.Same(standard.Bands[0].Size, standard.Bands[1].Size);

        var pickup = card.FindService("ups", "Pickup")!;
        Assert.Equal([ReturnMethod.HomePickup], pickup.Methods);
        Assert.Null(pickup.DimensionalDivisor);
        Assert.Same(SizeLimits.None, pickup.Bands[0].Size);
        Assert.Null(pickup.Bands[0].TransitDays);
    }

    [Fact]
    public async Task LoadAsync_DefaultMethodsOption_UsedWhenColumnAbsent()
    {
        using var stream = Utf8("carrier,service,zone,max_weight_g,price_eur\nc,s,Z,1000,1.00\n");

        var card = (await RateCard.LoadAsync(stream, new TableRateReadOptions { DefaultMethods = [ReturnMethod.Mailbox, ReturnMethod.PostOffice] }, Cancel)).Value;

        Assert.Equal([ReturnMethod.Mailbox, ReturnMethod.PostOffice], card.Services[0].Methods);
    }

    [Fact]
    public async Task LoadAsync_HeaderOnly_EmptyCard()
    {
        var result = await ReadCardAsync("carrier,service,zone,max_weight_g,price_eur\r\n");

        Assert.Empty(result.Value.Services);
        Assert.Equal(0, result.Value.BandCount);
        Assert.False(result.HasErrors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("\n\r\n")]
    public async Task LoadAsync_EmptyFile_HeaderError(string text)
    {
        var error = Assert.Single((await RejectCardAsync(text)).Errors);

        Assert.Equal("header", error.Path);
        Assert.Equal("card.csv", error.Source);
        Assert.StartsWith("the file is empty; expected a header row: carrier,service,zone,max_weight_g,price_<currency>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_BandsOutOfOrder_SortedByWeight()
    {
        var card = (await ReadCardAsync($"{Header}\nc,s,Z,5000,5.00\nc,s,Z,1000,1.00\nc,s,Z,3000,3.00\n")).Value;

        Assert.Equal([1000m, 3000m, 5000m], card.Services[0].Bands.Select(b => b.MaxWeight.Grams));
    }

    [Fact]
    public async Task LoadAsync_SameWeightInOtherSizeClassOrZone_NotADuplicate()
    {
        var csv = """
            carrier,service,zone,max_weight_g,price_eur,max_length_mm,max_width_mm,max_height_mm
            c,s,Z1,2000,1.00,100,100,100
            c,s,Z1,2000,2.00,200,200,200
            c,s,Z2,2000,3.00,100,100,100
            c,t,Z1,2000,4.00,100,100,100
            """;

        Assert.Equal(4, (await ReadCardAsync(csv)).Value.BandCount);
    }

    [Fact]
    public async Task LoadAsync_ProgressReporter_ReportsRecordsAndBytes()
    {
        var reports = new List<CsvReadProgress>();
        var text = Header + "\n" + string.Concat(Enumerable.Range(1, 25).Select(i => $"c,s,Z,{i * 100},{i}.00\n"));
        using var stream = Utf8(text);

        await RateCard.LoadAsync(stream, new TableRateReadOptions { Progress = new Collect(reports), ProgressInterval = 10 }, Cancel);

        Assert.Equal([10L, 20L, 26L], reports.Select(r => r.Records));
        var last = reports[^1];
        Assert.Equal((26L, 26L, stream.Length, (long?)stream.Length, 0), (last.Records, last.Lines, last.BytesRead, last.TotalBytes, last.Errors));
    }

    [Fact]
    public async Task LoadAsync_NoFinalLineBreak_ProgressCountsLastLine()
    {
        var reports = new List<CsvReadProgress>();
        using var stream = Utf8(Header + "\r\nc,s,Z,1000,\"1.00\"\r\nc,s,Z,2000,\"2.00\"");

        await RateCard.LoadAsync(stream, new TableRateReadOptions { Progress = new Collect(reports) }, Cancel);

        Assert.Equal((3L, 3L), (reports[^1].Records, reports[^1].Lines));
    }

    [Fact]
    public async Task LoadAsync_Cancelled_Throws()
    {
        using var stream = Utf8(Header + "\nc,s,Z,1000,1.00\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RateCard.LoadAsync(stream, cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task LoadFileAsync_Path_NamesSourceInErrors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"card-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, Header + "\nc,s,Z,heavy,1.00\n", Cancel);
        try
        {
            var error = Assert.Single((await Assert.ThrowsAsync<ReturnsValidationException>(() => RateCard.LoadFileAsync(path, cancellationToken: Cancel))).Errors);

            Assert.Equal(path, error.Source);
            Assert.Equal($"{path}(2,4): max_weight_g: 'heavy' is not a number; expected the band's upper bound in grams, e.g. 2000.", error.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Collects synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Collect(List<CsvReadProgress> reports) : IProgress<CsvReadProgress>
    {
        public void Report(CsvReadProgress value) => reports.Add(value);
    }
}
