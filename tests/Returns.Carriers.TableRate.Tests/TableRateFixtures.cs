using Returns.Sdk.Csv;
using System.Text;
using Returns.Sdk;

namespace Returns.Carriers.TableRate.Tests;

/// <summary>The PostNL 2018 tariff, the demo zone chart, and helpers to read CSV text.</summary>
internal static class TableRateFixtures
{
    internal const string Header = "carrier,service,zone,max_weight_g,price_eur";

    internal static readonly CountryCode NL = CountryCode.Parse("NL");
    internal static readonly CountryCode DE = CountryCode.Parse("DE");
    internal static readonly CountryCode PL = CountryCode.Parse("PL");
    internal static readonly CountryCode US = CountryCode.Parse("US");

    private static readonly Lazy<Task<RateCard>> PostNlCard = new(async () => (await RateCard.LoadFileAsync(PostNlTariffPath)).Value);
    private static readonly Lazy<Task<ZoneMap>> PostNlZonesMap = new(async () => (await ZoneMap.LoadFileAsync(PostNlZonesPath)).Value);

    internal static string PostNlTariffPath => Path.Combine(AppContext.BaseDirectory, "fixtures", "tariffs_postnl_2018.csv");

    internal static string PostNlZonesPath => Path.Combine(AppContext.BaseDirectory, "fixtures", "zones_postnl_demo.csv");

    internal static CancellationToken Cancel => TestContext.Current.CancellationToken;

    internal static Task<RateCard> PostNlAsync() => PostNlCard.Value;

    internal static Task<ZoneMap> PostNlZonesAsync() => PostNlZonesMap.Value;

    internal static async Task<TableRateEngine> PostNlEngineAsync() => new(await PostNlAsync(), await PostNlZonesAsync());

    internal static Weight Grams(decimal grams) => Weight.FromGrams(grams);

    internal static Weight Kg(decimal kilograms) => Weight.FromKilograms(kilograms);

    internal static Dimensions Cm(decimal length, decimal width, decimal height) => new(length, width, height);

    internal static RateQuery Query(CountryCode from, CountryCode to, Weight weight, Dimensions? dimensions = null) => new(from, to, weight, dimensions);

    internal static MemoryStream Utf8(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    internal static async Task<CsvReadResult<RateCard>> ReadCardAsync(string csv, CsvErrorHandling handling = CsvErrorHandling.FailFast, bool bom = false)
    {
        using var stream = Utf8(csv, bom);
        return await RateCard.LoadAsync(stream, new TableRateReadOptions { Source = "card.csv", ErrorHandling = handling }, Cancel);
    }

    internal static async Task<ReturnsValidationException> RejectCardAsync(string csv) =>
        await Assert.ThrowsAsync<ReturnsValidationException>(() => ReadCardAsync(csv));

    internal static async Task<CsvReadResult<ZoneMap>> ReadZonesAsync(string csv, CsvErrorHandling handling = CsvErrorHandling.FailFast)
    {
        using var stream = Utf8(csv);
        return await ZoneMap.LoadAsync(stream, new TableRateReadOptions { Source = "zones.csv", ErrorHandling = handling }, Cancel);
    }

    /// <summary>A zone chart putting every country in one zone.</summary>
    internal static ZoneMap Everywhere(string zone) => ZoneMap.Create([new ZoneAssignment(zone, null)]);
}
