using Returns.Sdk.Csv;
using Returns.Sdk.Locations;
using static Returns.Sdk.Tests.Locations.LocationFixtures;

namespace Returns.Sdk.Tests.Locations;

public sealed class PostcodeCentroidGeocoderTests
{
    private static readonly CountryCode NL = CountryCode.Parse("NL");
    private static readonly CountryCode GB = CountryCode.Parse("GB");
    private static readonly CountryCode BE = CountryCode.Parse("BE");

    private static async Task<PostcodeCentroidGeocoder> FixtureAsync() =>
        (await PostcodeCentroidGeocoder.LoadFileAsync(PathOf("postcodes.csv"), cancellationToken: TestContext.Current.CancellationToken)).Value;

    private static async Task<ValidationError> RejectOneAsync(string csv)
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() =>
            PostcodeCentroidGeocoder.LoadCsvAsync(Utf8(csv), new CsvReadOptions { Source = "postcodes.csv" }, TestContext.Current.CancellationToken));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("postcodes.csv", error.Source);
        return error;
    }

    [Fact]
    public async Task LoadFileAsync_Fixture_ReadsEveryRow()
    {
        var geocoder = await FixtureAsync();

        Assert.Equal(7, geocoder.Count);
    }

    [Fact]
    public async Task GeocodeAsync_StoredPostcode_ExactMatch()
    {
        var geocoder = await FixtureAsync();

        var result = await geocoder.GeocodeAsync(NL, "1012 AB", TestContext.Current.CancellationToken);

        Assert.Equal(new GeocodeResult(new GeoPoint(52.3779, 4.8990), GeocodePrecision.Postcode, "1012AB"), result);
    }

    [Fact]
    public async Task GeocodeAsync_OnlyTheAreaStored_LongestPrefixMatch()
    {
        var geocoder = await FixtureAsync();

        var result = await geocoder.GeocodeAsync(NL, "1012 XY", TestContext.Current.CancellationToken);

        Assert.Equal(new GeocodeResult(new GeoPoint(52.3738, 4.8910), GeocodePrecision.PostcodePrefix, "1012"), result);
        Assert.Equal(GeocodePrecision.PostcodePrefix, geocoder.Geocode(GB, "SW1A 2AA")!.Precision);
        Assert.Equal("SW1A", geocoder.Geocode(GB, "SW1A 2AA")!.MatchedPostcode);
        Assert.Equal("3511", geocoder.Geocode(NL, "3511AX")!.MatchedPostcode);
    }

    [Fact]
    public async Task GeocodeAsync_AreaPostcodeExactly_IsAPostcodeMatch()
    {
        var geocoder = await FixtureAsync();

        Assert.Equal(GeocodePrecision.Postcode, geocoder.Geocode(NL, "1012")!.Precision);
    }

    [Theory]
    [InlineData("NL", "9999 ZZ")]
    [InlineData("BE", "1012 AB")]
    [InlineData("NL", "101")]
    [InlineData("DE", "1011")]
    [InlineData("FR", "75001")]
    public async Task GeocodeAsync_Unknown_Null(string country, string postcode)
    {
        var geocoder = await FixtureAsync();

        Assert.Null(await geocoder.GeocodeAsync(CountryCode.Parse(country), postcode, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(" 1012 ab ")]
    [InlineData("1012-AB")]
    [InlineData("1012AB")]
    [InlineData("1012\tab")]
    public async Task Geocode_AnyCaseSpacesOrHyphens_SameMatch(string postcode)
    {
        var geocoder = await FixtureAsync();

        Assert.Equal(GeocodePrecision.Postcode, geocoder.Geocode(NL, postcode)!.Precision);
        Assert.Equal("SW1A1AA", geocoder.Geocode(GB, "sw1a 1aa")!.MatchedPostcode);
    }

    [Fact]
    public void Geocode_PrefixShorterThanTwo_NotUsed()
    {
        var geocoder = new PostcodeCentroidGeocoder([new PostcodeCentroid(NL, "1", new GeoPoint(52, 5)), new PostcodeCentroid(BE, "10", new GeoPoint(50, 4))]);

        Assert.Null(geocoder.Geocode(NL, "1012"));
        Assert.Equal(GeocodePrecision.Postcode, geocoder.Geocode(NL, "1")!.Precision);
        Assert.Equal("10", geocoder.Geocode(BE, "1000")!.MatchedPostcode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(" - ")]
    public void Geocode_BlankPostcode_Throws(string postcode)
    {
        var geocoder = new PostcodeCentroidGeocoder([]);

        Assert.Throws<ArgumentException>(() => geocoder.Geocode(NL, postcode));
        Assert.Throws<ArgumentException>(() => geocoder.GeocodeAsync(NL, postcode, TestContext.Current.CancellationToken).AsTask().GetAwaiter().GetResult());
    }

    [Fact]
    public void Geocode_NoCountry_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PostcodeCentroidGeocoder([]).Geocode(default, "1012"));
    }

    [Fact]
    public void Constructor_SamePostcodeWrittenTwoWays_Throws()
    {
        var exception = Assert.Throws<ArgumentException>(() => new PostcodeCentroidGeocoder(
            [new PostcodeCentroid(NL, "1012 AB", new GeoPoint(52, 5)), new PostcodeCentroid(NL, "1012-ab", new GeoPoint(52, 5))]));

        Assert.Contains("1012AB", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_SamePostcodeInTwoCountries_Allowed()
    {
        var geocoder = new PostcodeCentroidGeocoder([new PostcodeCentroid(NL, "1000", new GeoPoint(52, 5)), new PostcodeCentroid(BE, "1000", new GeoPoint(50, 4))]);

        Assert.Equal(2, geocoder.Count);
        Assert.Equal(new GeoPoint(50, 4), geocoder.Geocode(BE, "1000")!.Location);
    }

    [Fact]
    public void Constructor_BlankPostcode_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PostcodeCentroidGeocoder([new PostcodeCentroid(NL, " ", new GeoPoint(52, 5))]));
        Assert.Throws<ArgumentException>(() => new PostcodeCentroidGeocoder([new PostcodeCentroid(default, "1012", new GeoPoint(52, 5))]));
    }

    [Theory]
    [InlineData("XX,1012,52.37,4.89", 1, "country", "unknown country 'XX'; expected an assigned ISO 3166-1 alpha-2 code such as NL.")]
    [InlineData(",1012,52.37,4.89", 1, "country", "country is empty; expected an ISO 3166-1 alpha-2 code such as NL.")]
    [InlineData("NL, ,52.37,4.89", 2, "postcode", "postcode is empty; every row needs the postcode or area it locates.")]
    [InlineData("NL,12345678901234567,52.37,4.89", 2, "postcode", "postcode '12345678901234567' is longer than 16 characters.")]
    [InlineData("NL,1012,91,4.89", 3, "latitude", "latitude 91 is outside -90 to 90 degrees.")]
    [InlineData("NL,1012,52.37,abc", 4, "longitude", "'abc' is not a longitude; expected decimal degrees with a point, e.g. 4.8922.")]
    [InlineData("NL,1011-ab,52.37,4.89", 2, "postcode", "the postcode 1011AB of NL is already on line 2; a postcode appears once per country.")]
    public async Task LoadCsvAsync_BadRow_ErrorAtLineColumnAndPath(string row, int column, string path, string message)
    {
        var error = await RejectOneAsync($"country,postcode,latitude,longitude\nNL,1011 AB,52.37,4.89\n{row}\n");

        Assert.Equal((3, column, path), (error.Line, error.Column, error.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task LoadCsvAsync_UnknownAndMissingColumns_HeaderErrors()
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() =>
            PostcodeCentroidGeocoder.LoadCsvAsync(Utf8("country,zip,latitude,longitude\nNL,1012,52.37,4.89\n"), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal([(1, (int?)2, "zip"), (1, null, "postcode")], exception.Errors.Select(e => (e.Line!.Value, e.Column, e.Path)));
    }

    [Fact]
    public async Task LoadCsvAsync_SkipAndReport_KeepsGoodRows()
    {
        var result = await PostcodeCentroidGeocoder.LoadCsvAsync(
            Utf8("postcode,country,longitude,latitude,x_name\n1012,NL,4.89,52.37,A\n1013,XX,4.89,52.37,B\n1012,NL,4.89,52.37,C\n1014,nl,4.88,52.38,D\n"),
            new CsvReadOptions { ErrorHandling = CsvErrorHandling.SkipAndReport },
            TestContext.Current.CancellationToken);

        Assert.Equal(2, result.Value.Count);
        Assert.Equal([(3, 2, "country"), (4, 1, "postcode")], result.Errors.Select(e => (e.Line!.Value, e.Column!.Value, e.Path)));
        Assert.Equal(new GeoPoint(52.38, 4.88), result.Value.Geocode(NL, "1014 AA")!.Location);
    }
}
