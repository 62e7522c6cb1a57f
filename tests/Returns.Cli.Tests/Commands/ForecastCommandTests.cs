using System.Text.Json;

namespace Returns.Cli.Tests.Commands;

public sealed class ForecastCommandTests
{
    private const string TwoNotices = """
        {"notices":[
          {"rma":"RMA-01234-56789","warehouseId":"WH-1","method":"parcel_locker","expectedArrival":"2026-11-21","lines":[
            {"sku":"A-1","quantity":2,"grade":"a","disposition":"restock_as_new"},{"sku":"C-1","quantity":1,"grade":"c","disposition":"sell_as_outlet"}]},
          {"rma":"RMA-K952S-WA04M","warehouseId":"WH-1","method":"post_office","expectedArrival":"2026-11-19","trackingNumber":"TR-LATE","lines":[
            {"sku":"D-1","quantity":1,"grade":"d","disposition":"return_to_vendor"}]}
        ]}
        """;

    [Fact]
    public async Task Forecast_BundledDemo_PrintsEachWarehouseFromDemoStart()
    {
        var result = await CliRunner.RunAsync("forecast", "--days", "7");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("WH-NL-TILBURG 2026-11-23 to 2026-11-29", result.Console, StringComparison.Ordinal);
        Assert.Contains("WH-BE-GENT 2026-11-23 to 2026-11-29", result.Console, StringComparison.Ordinal);
        Assert.Contains("overdue", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_OwnNoticesAsCsv_DefaultsToTodayAndCountsHandComputedNumbers()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("notices.json", TwoNotices);

        var result = await CliRunner.RunAsync("forecast", "--notices", file, "--days", "2", "--format", "csv", "--time-zone", "Europe/Amsterdam");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        var lines = result.Stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("WH-1,2026-11-20,0,0,", lines[1], StringComparison.Ordinal); // today in Amsterdam (CliRunner.Now)
        Assert.StartsWith("WH-1,2026-11-21,1,3,2,0,1,0,0,1,0,1,0,0,2,0,0,1,0,0,0,0", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_Json_ListsOverdueParcel()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("notices.json", TwoNotices);

        var result = await CliRunner.RunAsync("forecast", "--notices", file, "--from", "2026-11-20", "--days", "3", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("TR-LATE", json.RootElement.GetProperty("overdue")[0].GetProperty("trackingNumber").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("days").GetArrayLength());
    }

    [Fact]
    public async Task Forecast_WarehouseFilter_OnlyThatWarehouse()
    {
        var result = await CliRunner.RunAsync("forecast", "--days", "3", "--warehouse", "WH-BE-GENT");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("WH-BE-GENT", result.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("WH-NL-TILBURG 2026", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_InvalidNotices_ExitsTwoNamingEveryProblemWithPath()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("bad.json", """
            {"notices":[{"rma":"RMA-01234-56788","warehouseId":"","method":"drone","expectedArrival":"2026-11-21",
              "lines":[{"sku":"A","quantity":-1,"grade":"q","disposition":"burn"}]}]}
            """);

        var result = await CliRunner.RunAsync("forecast", "--notices", file);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        foreach (var path in new[] { "$.notices[0].rma", "$.notices[0].warehouseId", "$.notices[0].method", "$.notices[0].lines[0].quantity", "$.notices[0].lines[0].grade", "$.notices[0].lines[0].disposition" })
        {
            Assert.Contains(path, result.Stderr, StringComparison.Ordinal);
        }

        Assert.Contains("bad.json", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_MalformedJson_ExitsTwoWithLine()
    {
        using var folder = new TempDirectory();
        var file = folder.Write("broken.json", "{\"notices\":[\n  {\"rma\": }\n]}");

        var result = await CliRunner.RunAsync("forecast", "--notices", file);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("broken.json(2", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "23/11/2026", "yyyy-MM-dd")]
    [InlineData("--format", "xml", "xml")]
    [InlineData("--days", "400", "366")]
    public async Task Forecast_BadOption_ExitsTwoSayingWhy(string option, string value, string expected)
    {
        var result = await CliRunner.RunAsync("forecast", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
    }
}
