using Returns.Sdk.Csv;
using Returns.Sdk;
using static Returns.Carriers.TableRate.Tests.TableRateFixtures;

namespace Returns.Carriers.TableRate.Tests.Zones;

public sealed class ZoneMapTests
{
    private static string? ZoneOf(ZoneMap map, string origin, string destination) =>
        map.TryGetZone(CountryCode.Parse(origin), CountryCode.Parse(destination), out var zone) ? zone : null;

    [Fact]
    public async Task LoadFileAsync_PostNlDemoChart_MapsNlEuAndWorld()
    {
        var result = await ZoneMap.LoadFileAsync(PostNlZonesPath, cancellationToken: Cancel);

        Assert.Empty(result.Errors);
        var map = result.Value;
        Assert.Equal(["ZONE_NL", "ZONE_EU1", "ZONE_EU2", "ZONE_WORLD"], map.Zones);
        Assert.Equal("ZONE_NL", ZoneOf(map, "NL", "NL"));
        Assert.Equal("ZONE_EU1", ZoneOf(map, "NL", "DE"));
        Assert.Equal("ZONE_EU2", ZoneOf(map, "NL", "PL"));
        Assert.Equal("ZONE_EU2", ZoneOf(map, "NL", "VA"));
        Assert.Equal("ZONE_WORLD", ZoneOf(map, "NL", "US"));
        Assert.Equal("ZONE_WORLD", ZoneOf(map, "NL", "JP"));
    }

    [Fact]
    public async Task LoadFileAsync_PostNlDemoChart_EveryEuMemberInAnEuZone()
    {
        var map = await PostNlZonesAsync();
        string[] eu = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "PL", "PT", "RO", "SE", "SI", "SK"];

        Assert.All(eu, c => Assert.Contains(ZoneOf(map, "NL", c), new[] { "ZONE_EU1", "ZONE_EU2" }));
    }

    [Fact]
    public async Task LoadAsync_OriginColumn_MostSpecificRowWins()
    {
        var csv = """
            zone,country,origin
            DOMESTIC,NL,NL
            EU,DE,NL
            INBOUND_EU,NL,DE
            INBOUND,NL,
            NL_WORLD,*,NL
            WORLD,*,*
            """;

        var map = (await ReadZonesAsync(csv)).Value;

        Assert.Equal("DOMESTIC", ZoneOf(map, "NL", "NL"));
        Assert.Equal("EU", ZoneOf(map, "NL", "DE"));
        Assert.Equal("INBOUND_EU", ZoneOf(map, "DE", "NL"));
        Assert.Equal("INBOUND", ZoneOf(map, "US", "NL"));
        Assert.Equal("NL_WORLD", ZoneOf(map, "NL", "US"));
        Assert.Equal("WORLD", ZoneOf(map, "DE", "FR"));
    }

    [Fact]
    public async Task TryGetZone_NoCatchAll_NoZoneForUnlistedCountry()
    {
        var map = (await ReadZonesAsync("zone,country\nZ,NL\n")).Value;

        Assert.Null(ZoneOf(map, "NL", "DE"));
        Assert.Null(ZoneOf(ZoneMap.Empty, "NL", "NL"));
    }

    [Fact]
    public async Task LoadAsync_CountryTwice_RowErrorNamesFirstLine()
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => ReadZonesAsync("zone,country\nEU1,DE\nEU2,FR\nEU2,de\n"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(("zones.csv", 4, 2, "country"), (error.Source, error.Line, error.Column, error.Path));
        Assert.Equal("DE is already in zone EU1 on line 2; list a country once.", error.Message);
    }

    [Fact]
    public async Task LoadAsync_SecondCatchAll_RowError()
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => ReadZonesAsync("zone,country\nWORLD,*\nNL,NL\nREST,*\n"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((4, 2), (error.Line, error.Column));
        Assert.Equal("a second catch-all row: * is already in zone WORLD on line 2; the catch-all may appear once.", error.Message);
    }

    [Theory]
    [InlineData("Z,XX", 2, "country", "unknown country 'XX'; expected an ISO 3166-1 alpha-2 code such as NL, or * for every country not listed.")]
    [InlineData("Z,NLD", 2, "country", "unknown country 'NLD'; expected an ISO 3166-1 alpha-2 code such as NL, or * for every country not listed.")]
    [InlineData("Z,", 2, "country", "country is empty; expected an ISO 3166-1 alpha-2 code such as NL, or * for every country not listed.")]
    [InlineData(",NL", 1, "zone", "zone is empty; every row needs one.")]
    public async Task LoadAsync_BadValue_RowError(string row, int column, string path, string message)
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => ReadZonesAsync("zone,country\n" + row + "\n"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((2, column, path, message), (error.Line, error.Column, error.Path, error.Message));
    }

    [Theory]
    [InlineData("zone", "country", "missing required column country.")]
    [InlineData("country,zone,region", "region", "unknown column 'region'; expected zone, country, origin, or an informational column (name, country_name, description, note, notes or any x_ column).")]
    public async Task LoadAsync_BadHeader_HeaderError(string header, string path, string message)
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => ReadZonesAsync(header + "\n"));

        var error = Assert.Single(exception.Errors);
        Assert.Equal((1, path, message), (error.Line, error.Path, error.Message));
    }

    [Fact]
    public async Task LoadAsync_SkipAndReport_KeepsGoodRows()
    {
        var result = await ReadZonesAsync("zone,country\nA,NL\nB,XX\nC,DE\nD,NL\n", CsvErrorHandling.SkipAndReport);

        Assert.Equal(["A", "C"], result.Value.Assignments.Select(a => a.Zone));
        Assert.Equal([3, 5], result.Errors.Select(e => e.Line!.Value));
    }

    [Fact]
    public void Create_CountryTwice_Throws()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => ZoneMap.Create([new("A", NL), new("B", NL), new("", DE)]));

        Assert.Equal(["assignments[1].country", "assignments[2].zone"], exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Create_DefaultCountryCode_Rejected()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => ZoneMap.Create([new("A", default(CountryCode)), new("B", NL) { Origin = default(CountryCode) }]));

        Assert.Equal(["assignments[0]", "assignments[1]"], exception.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Create_Rows_Resolves()
    {
        var map = ZoneMap.Create([new("HOME", NL) { Origin = NL }, new("AWAY", null)]);

        Assert.Equal(("HOME", "AWAY", "AWAY"), (ZoneOf(map, "NL", "NL"), ZoneOf(map, "DE", "NL"), ZoneOf(map, "NL", "DE")));
    }
}
