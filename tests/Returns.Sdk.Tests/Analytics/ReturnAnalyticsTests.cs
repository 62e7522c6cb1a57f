using System.Text.Json;
using Returns.Sdk.Analytics;

namespace Returns.Sdk.Tests.Analytics;

public sealed class ReturnAnalyticsTests
{
    private static readonly Currency Eur = Currency.FromCode("EUR");
    private static readonly Currency Gbp = Currency.FromCode("GBP");
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 30);

    private static Money Eur_(decimal amount) => new(amount, Eur);

    private static readonly SoldLine[] Sold =
    [
        new("JEANS-32", "apparel", SalesChannel.Web, new(2026, 11, 2), 40),
        new("JEANS-32", "apparel", SalesChannel.Store, new(2026, 11, 3), 10),
        new("SHIRT-M", "apparel", SalesChannel.Web, new(2026, 11, 4), 50),
        new("LAMP-1", "home", SalesChannel.Web, new(2026, 11, 5), 20),
        new("LAMP-1", "home", SalesChannel.Web, new(2026, 10, 31), 99), // before the period
    ];

    private static readonly ReturnedLine[] Returned =
    [
        new("JEANS-32", "apparel", SalesChannel.Web, new(2026, 11, 10), 8, "too_small", Eur_(400), Eur_(40)),
        new("JEANS-32", "apparel", SalesChannel.Web, new(2026, 11, 11), 2, "too_large", Eur_(100), Eur_(10)),
        new("SHIRT-M", "apparel", SalesChannel.Web, new(2026, 11, 12), 5, "changed_mind", Eur_(150), Eur_(25)),
        new("LAMP-1", "home", SalesChannel.Web, new(2026, 11, 13), 2, "defective", Eur_(60), Eur_(30)),
        new("LAMP-1", "home", SalesChannel.Web, new(2026, 12, 1), 7, "defective", Eur_(210), Eur_(105)), // after the period
        new("GIFT-1", "home", SalesChannel.Web, new(2026, 11, 14), 1, "changed_mind", new(20, Gbp), new(4, Gbp)), // sold before the period
    ];

    private static ReturnAnalyticsReport Report(int minimumSizeSample = 10) =>
        new ReturnAnalytics(minimumSizeSample).Compute(Sold, Returned, From, To);

    [Fact]
    public void Compute_BySku_HandComputedRatesHighestFirst()
    {
        var bySku = Report().BySku;

        // JEANS 10/50 = 0.2, SHIRT 5/50 = 0.1, LAMP 2/20 = 0.1 (fewer returns, after SHIRT), GIFT 1/0 = no rate, last.
        Assert.Equal(["JEANS-32", "SHIRT-M", "LAMP-1", "GIFT-1"], bySku.Select(r => r.Key));
        Assert.Equal(0.2, bySku[0].Rate);
        Assert.Equal((20, 2), (bySku[2].UnitsSold, bySku[2].UnitsReturned));
        Assert.Null(bySku[3].Rate);
    }

    [Fact]
    public void Compute_ByCategoryChannelAndReason_HandComputed()
    {
        var report = Report();

        Assert.Equal([("apparel", 100, 15), ("home", 20, 3)], report.ByCategory.Select(r => (r.Key, r.UnitsSold, r.UnitsReturned)));
        Assert.Equal([("web", 110, 18), ("store", 10, 0)], report.ByChannel.Select(r => (r.Key, r.UnitsSold, r.UnitsReturned)));
        Assert.Equal(["too_small", "changed_mind", "defective", "too_large"], report.ByReason.Select(r => r.Key));
        Assert.Equal(8.0 / 120, report.ByReason[0].Rate);
    }

    [Fact]
    public void Compute_SizeBias_VerdictOnlyFromMinimumSample()
    {
        var jeans = Assert.Single(Report(minimumSizeSample: 10).SizeBias);
        var small = Assert.Single(Report(minimumSizeSample: 11).SizeBias);

        Assert.Equal(("JEANS-32", 8, 2), (jeans.Sku, jeans.TooSmall, jeans.TooLarge));
        Assert.Equal(-0.6, jeans.Bias!.Value, 10); // (2 - 8) / 10
        Assert.Equal(SizeVerdict.RunsSmall, jeans.Verdict);
        Assert.Equal(SizeVerdict.NotEnoughData, small.Verdict);
    }

    [Theory]
    [InlineData(5, 5, SizeVerdict.TrueToSize)]
    [InlineData(2, 8, SizeVerdict.RunsLarge)]
    [InlineData(6, 4, SizeVerdict.TrueToSize)] // -0.2 is inside the 0.3 threshold
    public void Compute_SizeBias_Threshold(int small, int large, SizeVerdict expected)
    {
        ReturnedLine[] lines =
        [
            new("X", "apparel", SalesChannel.Web, From, small, "too_small", Eur_(1), Eur_(1)),
            new("X", "apparel", SalesChannel.Web, From, large, "too_large", Eur_(1), Eur_(1)),
        ];

        var bias = Assert.Single(new ReturnAnalytics().Compute([], lines, From, To).SizeBias);

        Assert.Equal(expected, bias.Verdict);
    }

    [Fact]
    public void Compute_CostByReason_SumsPerCurrencyNeverMixing()
    {
        var costs = Report().CostByReason;

        Assert.Equal(
            [("too_small", "EUR", 40m, 400m), ("defective", "EUR", 30m, 60m), ("changed_mind", "EUR", 25m, 150m), ("too_large", "EUR", 10m, 100m), ("changed_mind", "GBP", 4m, 20m)],
            costs.Select(c => (c.ReasonCode, c.Cost.Currency.Code, c.Cost.Amount, c.Refunded.Amount)));
    }

    [Fact]
    public void Compute_EmptyPeriod_NoRowsNoDivisionByZero()
    {
        var report = new ReturnAnalytics().Compute(Sold, Returned, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 31));

        Assert.Empty(report.BySku);
        Assert.Empty(report.ByReason);
        Assert.Empty(report.CostByReason);
    }

    [Fact]
    public void Compute_ZeroQuantity_ThrowsNamingLine()
    {
        var error = Assert.Throws<ArgumentException>(() => new ReturnAnalytics().Compute([new SoldLine("S-0", "c", SalesChannel.Web, From, 0)], [], From, To));

        Assert.Contains("S-0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_PeriodReversed_Throws() =>
        Assert.Throws<ArgumentException>(() => new ReturnAnalytics().Compute([], [], To, From));

    [Fact]
    public void WriteRatesCsv_Report_RowsPerDimension()
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);

        ReturnAnalyticsExport.WriteRatesCsv(Report(), writer);

        var lines = writer.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ReturnAnalyticsExport.RatesCsvHeader, lines[0]);
        Assert.Equal("sku,JEANS-32,50,10,0.2", lines[1]);
        Assert.Equal("sku,GIFT-1,0,1,", lines[4]);
        Assert.Contains("reason,too_small,120,8,0.066667", lines);
        Assert.Equal(1 + 4 + 2 + 4 + 2, lines.Length);
    }

    [Fact]
    public void WriteJson_Report_CarriesEverySection()
    {
        using var stream = new MemoryStream();

        ReturnAnalyticsExport.WriteJson(Report(), stream);

        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("bySku").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("bySku")[3].GetProperty("rate").ValueKind);
        Assert.Equal("runs_small", root.GetProperty("sizeBias")[0].GetProperty("verdict").GetString());
        Assert.Equal("GBP", root.GetProperty("costByReason")[4].GetProperty("currency").GetString());
    }
}
