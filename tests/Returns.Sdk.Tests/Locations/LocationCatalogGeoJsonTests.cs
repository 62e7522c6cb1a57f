using Returns.Sdk.Carriers;
using Returns.Sdk.Csv;
using Returns.Sdk.Locations;
using static Returns.Sdk.Tests.Locations.LocationFixtures;

namespace Returns.Sdk.Tests.Locations;

/// <summary>Location catalogs from GeoJSON: features in, every mistake out with its JSON path, line and byte column.</summary>
public sealed class LocationCatalogGeoJsonTests
{
    private const string GoodFeature =
        """{ "type": "Feature", "geometry": { "type": "Point", "coordinates": [4.89, 52.37] }, "properties": { "id": "ok", "name": "Fine", "kind": "parcel_locker", "carrier": "postnl", "country": "NL", "opening_hours": "24/7" } }""";

    private static string Collection(params string[] features) =>
        "{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    " + string.Join(",\n    ", features) + "\n  ]\n}\n";

    private static string Feature(string properties, string coordinates = "[4.89, 52.37]") =>
        $$"""{ "type": "Feature", "geometry": { "type": "Point", "coordinates": {{coordinates}} }, "properties": { {{properties}} } }""";

    private static async Task<ValidationError> RejectOneAsync(string json)
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LoadGeoJsonAsync(json));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("points.geojson", error.Source);
        return error;
    }

    [Fact]
    public async Task LoadFileAsync_Fixture_SameCatalogAsTheCsvFixture()
    {
        var geoJson = await LocationCatalog.LoadFileAsync(PathOf("locations.geojson"), cancellationToken: TestContext.Current.CancellationToken);
        var csv = await LocationCatalog.LoadFileAsync(PathOf("locations.csv"), cancellationToken: TestContext.Current.CancellationToken);

        Assert.False(geoJson.HasErrors);
        Assert.Equal(csv.Value.Locations, geoJson.Value.Locations);
        Assert.Equal(new GeoPoint(52.3791, 4.9003), geoJson.Value.Find("dhl-ams-locker-7")!.Location);
        Assert.Equal(LocationCatalog.RetailerCarrierId, geoJson.Value.Find("store-ams-kalverstraat")!.CarrierId);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_CoordinatesAreLongitudeThenLatitude()
    {
        var result = await LoadGeoJsonAsync(Collection(Feature("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[-73.9857, 40.7484]")));

        Assert.Equal(new GeoPoint(40.7484, -73.9857), Assert.Single(result.Value.Locations).Location);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_NumericFeatureId_UsedAsTheId()
    {
        var json = Collection("""{ "type": "Feature", "id": 42, "geometry": { "type": "Point", "coordinates": [4.89, 52.37] }, "properties": { "name": "X", "kind": "mailbox", "carrier": "postnl" } }""");

        var result = await LoadGeoJsonAsync(json);

        Assert.Equal("42", Assert.Single(result.Value.Locations).Id);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_MembersInAnyOrder_ReadsThem()
    {
        var json = """{ "features": [ { "properties": { "id": "x", "name": "X", "kind": "store" }, "geometry": { "coordinates": [4.89, 52.37], "type": "Point" }, "type": "Feature" } ], "type": "FeatureCollection" }""";

        var result = await LoadGeoJsonAsync(json);

        Assert.Equal(DropOffKind.Store, Assert.Single(result.Value.Locations).Kind);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_EmptyFeatures_EmptyCatalog()
    {
        var result = await LoadGeoJsonAsync("""{ "type": "FeatureCollection", "features": [] }""");

        Assert.Equal(0, result.Value.Count);
    }

    [Theory]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"shop\", \"carrier\": \"postnl\"", "[4.89, 52.37]", "$.features[1].properties.kind", 129, "unknown kind 'shop'; expected one of post_office, parcel_locker, pickup_point, store, mailbox.")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\"", "[4.89, 52.37]", "$.features[1].properties.carrier", 89, "carrier is empty; only a store (one of the retailer's own) may leave it empty, this is a mailbox.")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\", \"country\": \"XX\"", "[4.89, 52.37]", "$.features[1].properties.country", 169, "unknown country 'XX'; expected an assigned ISO 3166-1 alpha-2 code such as NL.")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[4.89, 91]", "$.features[1].geometry.coordinates[1]", 79, "latitude 91 is outside -90 to 90 degrees. GeoJSON order is [longitude, latitude].")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[\"abc\", 52.37]", "$.features[1].geometry.coordinates[0]", 73, "expected the longitude as a number in decimal degrees (GeoJSON order is [longitude, latitude]).")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[4.89]", "$.features[1].geometry.coordinates", 57, "expected two numbers: [longitude, latitude].")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\", \"phone\": \"1\"", "[4.89, 52.37]", "$.features[1].properties.phone", 169, "unknown property 'phone'; expected id, name, kind, carrier, address, postcode, city, country, opening_hours, or an extra property named x_….")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\", \"latitude\": 52", "[4.89, 52.37]", "$.features[1].properties.latitude", 169, "latitude and longitude come from geometry.coordinates ([longitude, latitude]), not from properties.")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": 7", "[4.89, 52.37]", "$.features[1].properties.carrier", 148, "expected a string (or null).")]
    [InlineData("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"kind\": \"store\", \"carrier\": \"p\"", "[4.89, 52.37]", "$.features[1].properties.kind", 148, "the property 'kind' appears twice in the same object.")]
    [InlineData("\"id\": \"ok\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[4.89, 52.37]", "$.features[1].properties.id", 105, "duplicate id 'ok'; $.features[0] already uses it, and ids must be unique.")]
    [InlineData("\"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[4.89, 52.37]", "$.features[1].properties.id", 89, "id is empty; every location needs one.")]
    public async Task LoadGeoJsonAsync_BadValue_ErrorAtPathLineAndColumn(string properties, string coordinates, string path, int column, string message)
    {
        var error = await RejectOneAsync(Collection(GoodFeature, Feature(properties, coordinates)));

        Assert.Equal((5, column, path), (error.Line, error.Column, error.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_BadOpeningHours_ErrorWithThePositionInsideTheValue()
    {
        var error = await RejectOneAsync(Collection(Feature("\"id\": \"x\", \"name\": \"X\", \"kind\": \"mailbox\", \"carrier\": \"postnl\",\n      \"opening_hours\": \"Mo-Fr 09:00-18:00; Jan off\"")));

        Assert.Equal((5, 7, "$.features[0].properties.opening_hours"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("opening hours 'Mo-Fr 09:00-18:00; Jan off' are not valid at position 20: month and date ranges", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "type": "Feature", "geometry": { "type": "Polygon", "coordinates": [[[4.8, 52.3], [4.9, 52.3], [4.9, 52.4], [4.8, 52.3]]] }, "properties": { "id": "x", "name": "X", "kind": "store" } }""", "$.features[0].geometry.type", 40, "the geometry type is 'Polygon'; a location is a Point with coordinates [longitude, latitude].")]
    [InlineData("""{ "type": "Feature", "geometry": null, "properties": { "id": "x", "name": "X", "kind": "store" } }""", "$.features[0].geometry", 26, "the geometry is null; a location is a Point: { \"type\": \"Point\", \"coordinates\": [longitude, latitude] }.")]
    [InlineData("""{ "type": "Feature", "properties": { "id": "x", "name": "X", "kind": "store" } }""", "$.features[0].geometry", 5, "missing geometry; a location is a Point: { \"type\": \"Point\", \"coordinates\": [longitude, latitude] }.")]
    [InlineData("""{ "type": "Point", "geometry": { "type": "Point", "coordinates": [4.89, 52.37] }, "properties": { "id": "x", "name": "X", "kind": "store" } }""", "$.features[0].type", 7, "the type is 'Point'; each item of features is a \"Feature\".")]
    [InlineData("\"just a string\"", "$.features[0]", 5, "expected a Feature object: { \"type\": \"Feature\", \"geometry\": {...}, \"properties\": {...} }.")]
    [InlineData("""{ "type": "Feature", "id": "a", "geometry": { "type": "Point", "coordinates": [4.89, 52.37] }, "properties": { "id": "b", "name": "X", "kind": "store" } }""", "$.features[0].properties.id", 116, "the id 'b' differs from the feature's id 'a'; give one, or the same in both.")]
    public async Task LoadGeoJsonAsync_BadFeature_ErrorAtPathLineAndColumn(string feature, string path, int column, string message)
    {
        var error = await RejectOneAsync(Collection(feature));

        Assert.Equal((4, column, path), (error.Line, error.Column, error.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_SkipAndReport_KeepsGoodFeaturesAndReportsBadOnes()
    {
        var json = Collection(
            GoodFeature,
            Feature("\"id\": \"a\", \"name\": \"A\", \"kind\": \"shop\", \"carrier\": \"postnl\""),
            Feature("\"id\": \"b\", \"name\": \"B\", \"kind\": \"mailbox\", \"carrier\": \"postnl\"", "[200, 95]"),
            Feature("\"id\": \"c\", \"name\": \"C\", \"kind\": \"store\""),
            Feature("\"id\": \"ok\", \"name\": \"Again\", \"kind\": \"store\""));

        var result = await LoadGeoJsonAsync(json, CsvErrorHandling.SkipAndReport);

        Assert.Equal(["ok", "c"], result.Value.Locations.Select(l => l.Id));
        Assert.Equal(
            ["$.features[1].properties.kind", "$.features[2].geometry.coordinates[0]", "$.features[2].geometry.coordinates[1]", "$.features[4].properties.id"],
            result.Errors.Select(e => e.Path));
        Assert.Equal([5, 6, 6, 8], result.Errors.Select(e => e.Line!.Value));
    }

    [Fact]
    public async Task LoadGeoJsonAsync_MalformedJson_ErrorWithLineAndColumn()
    {
        var json = Collection(GoodFeature, "{ \"type\": \"Feature\", \"geometry\": { \"type\": \"Point\" \"coordinates\": [1, 2] } }");

        var error = await RejectOneAsync(json);

        Assert.Equal(("$.features[1]", 5), (error.Path, error.Line));
        Assert.Equal(56, error.Column); // where the missing comma should be, before "coordinates"
        Assert.StartsWith("malformed JSON: ", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[]", "$", "expected a GeoJSON FeatureCollection object")]
    [InlineData("""{ "type": "Feature", "geometry": null, "properties": {} }""", "$.type", "the type is 'Feature'; a location file is a GeoJSON \"FeatureCollection\".")]
    [InlineData("""{ "features": [] }""", "$.type", "missing \"type\": \"FeatureCollection\".")]
    [InlineData("""{ "type": "FeatureCollection" }""", "$.features", "missing \"features\"")]
    [InlineData("""{ "type": "FeatureCollection", "features": {} }""", "$.features", "expected an array of Feature objects.")]
    [InlineData("", "$", "the file is empty")]
    public async Task LoadGeoJsonAsync_NotAFeatureCollection_Rejected(string json, string path, string message)
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LoadGeoJsonAsync(json, CsvErrorHandling.SkipAndReport));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(path, error.Path);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_ManyFeaturesReadInSmallBlocks_ReadsAllWithLinesCounted()
    {
        var features = Enumerable.Range(0, 3000)
            .Select(i => Feature($"\"id\": \"p{i}\", \"name\": \"Point {i}\", \"kind\": \"mailbox\", \"carrier\": \"postnl\", \"x_note\": \"{new string('n', i % 97)}\"", $"[{4 + (i % 100 * 0.01):0.00}, {50 + (i / 100 * 0.01):0.00}]"))
            .ToList();
        features[2500] = Feature("\"id\": \"bad\", \"name\": \"Bad\", \"kind\": \"tram_stop\", \"carrier\": \"postnl\"");
        var json = Collection([.. features]);
        var reports = new List<CsvReadProgress>();
        var options = new CsvReadOptions { Source = "big.geojson", ErrorHandling = CsvErrorHandling.SkipAndReport, ProgressInterval = 1000, Progress = new SynchronousProgress(reports) };

        var result = await LocationCatalog.LoadGeoJsonAsync(new TrickleStream(System.Text.Encoding.UTF8.GetBytes(json), 777), options, TestContext.Current.CancellationToken);

        Assert.Equal(2999, result.Value.Count);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("$.features[2500].properties.kind", 2504, 133), (error.Path, error.Line!.Value, error.Column!.Value));
        Assert.Equal([1000L, 2000L, 3000L, 3000L], reports.Select(r => r.Records));
        Assert.Equal(json.Length, reports[^1].BytesRead);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_ByteOrderMark_ColumnsCountFromAfterIt()
    {
        var json = "\uFEFF" + """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": null, "properties": { "id": "x", "name": "X", "kind": "store" } } ] }""";

        var error = await RejectOneAsync(json);

        Assert.Equal((1, 67, "$.features[0].geometry"), (error.Line, error.Column, error.Path));
    }

    [Fact]
    public async Task LoadFileAsync_JsonExtension_ReadsGeoJson()
    {
        var path = Path.Combine(Path.GetTempPath(), $"locations-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, Collection(GoodFeature), TestContext.Current.CancellationToken);
        try
        {
            var result = await LocationCatalog.LoadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);

            Assert.Equal("ok", Assert.Single(result.Value.Locations).Id);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private sealed class SynchronousProgress(List<CsvReadProgress> reports) : IProgress<CsvReadProgress>
    {
        public void Report(CsvReadProgress value) => reports.Add(value);
    }

    // Hands out a few bytes per read, so features straddle the reader's blocks.
    private sealed class TrickleStream(byte[] bytes, int chunk) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }
}
