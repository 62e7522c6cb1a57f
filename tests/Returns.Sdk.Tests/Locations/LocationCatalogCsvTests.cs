using Returns.Sdk.Carriers;
using Returns.Sdk.Csv;
using Returns.Sdk.Locations;
using static Returns.Sdk.Tests.Locations.LocationFixtures;

namespace Returns.Sdk.Tests.Locations;

/// <summary>Location catalogs from CSV: every row's values, and every mistake with its line, field number and column.</summary>
public sealed class LocationCatalogCsvTests
{
    private const string Good = "ok,Fine,parcel_locker,postnl,52.37,4.89,Damrak 1,1012 AB,Amsterdam,NL,24/7";

    private static async Task<ValidationError> RejectOneAsync(string csv)
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LoadCsvAsync(csv));
        var error = Assert.Single(exception.Errors);
        Assert.Equal("points.csv", error.Source);
        return error;
    }

    [Fact]
    public async Task LoadFileAsync_Fixture_ReadsEveryRow()
    {
        var path = PathOf("locations.csv");

        var result = await LocationCatalog.LoadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken);
        var catalog = result.Value;

        Assert.False(result.HasErrors);
        Assert.Equal(6, catalog.Count);
        Assert.Equal(["postnl-ams-po-1", "dhl-ams-locker-7", "dhl-ams-sp-3", "store-ams-kalverstraat", "postnl-ams-mb-12", "dhl-utr-sp-1"], catalog.Locations.Select(l => l.Id));

        var office = catalog.Find("postnl-ams-po-1")!;
        Assert.Equal(new DropOffPoint("postnl-ams-po-1", "PostNL Postkantoor Damrak", DropOffKind.PostOffice, "postnl", new GeoPoint(52.3745, 4.8980)), office with { Address = null, OpeningHours = null });
        Assert.Equal("Damrak 1, ground floor", office.Address!.Line1);
        Assert.Equal("1012 LG", office.Address.Postcode);
        Assert.Equal("Amsterdam", office.Address.City);
        Assert.Equal(CountryCode.Parse("NL"), office.Address.Country);
        Assert.Equal(new GeoPoint(52.3745, 4.8980), office.Address.Coordinates);
        Assert.Equal(OpeningHours.Parse("Mo-Fr 09:00-18:00; Sa 09:00-12:00; Su off"), office.OpeningHours);
        Assert.Null(office.DistanceKm);

        Assert.Equal("DHL Packstation 7\r\n(Centraal Station)", catalog.Find("dhl-ams-locker-7")!.Name);
        Assert.True(catalog.Find("dhl-ams-locker-7")!.OpeningHours!.IsAlwaysOpen);
        Assert.Equal("Tabakszaak \"De Hoek\"", catalog.Find("dhl-ams-sp-3")!.Name);

        var store = catalog.Find("store-ams-kalverstraat")!;
        Assert.Equal(DropOffKind.Store, store.Kind);
        Assert.Equal(LocationCatalog.RetailerCarrierId, store.CarrierId);

        var mailbox = catalog.Find("postnl-ams-mb-12")!;
        Assert.Null(mailbox.Address);
        Assert.Null(mailbox.OpeningHours);

        Assert.Equal(CountryCode.Parse("NL"), catalog.Find("dhl-utr-sp-1")!.Address!.Country);
    }

    [Fact]
    public async Task LoadCsvAsync_ColumnsInAnyOrder_ReadsByName()
    {
        var result = await LoadCsvAsync("opening_hours,country,city,postcode,address,longitude,latitude,carrier,kind,name,id\n24/7,NL,Amsterdam,1012 AB,Damrak 1,4.89,52.37,postnl,parcel_locker,Fine,ok\n");

        var point = Assert.Single(result.Value.Locations);
        Assert.Equal(("ok", "Fine", DropOffKind.ParcelLocker, "postnl", new GeoPoint(52.37, 4.89)), (point.Id, point.Name, point.Kind, point.CarrierId, point.Location));
    }

    [Fact]
    public async Task LoadCsvAsync_CountryOnly_NoAddress()
    {
        var result = await LoadCsvAsync($"{Header}\nmb,Mailbox,mailbox,postnl,52.37,4.89,,,,NL,\n");

        Assert.Null(Assert.Single(result.Value.Locations).Address);
    }

    [Fact]
    public async Task LoadCsvAsync_AddressWithoutCountry_NoAddress()
    {
        var result = await LoadCsvAsync($"{Header}\nmb,Mailbox,mailbox,postnl,52.37,4.89,Damrak 1,1012 AB,Amsterdam,,\n");

        Assert.Null(Assert.Single(result.Value.Locations).Address);
    }

    [Fact]
    public async Task LoadCsvAsync_CityWithoutPostcode_AddressWithEmptyPostcode()
    {
        var result = await LoadCsvAsync($"{Header}\nx,Shop,pickup_point,an-post,53.35,-6.26,1 Main Street,,Dublin,IE,\n");

        var address = Assert.Single(result.Value.Locations).Address!;
        Assert.Equal((string.Empty, "Dublin", "1 Main Street"), (address.Postcode, address.City, address.Line1));
    }

    [Fact]
    public async Task LoadCsvAsync_StoreWithCarrier_KeepsTheCarrier()
    {
        var result = await LoadCsvAsync($"{Header}\ns,Store,store,postnl,52.37,4.89,,,,,\n");

        Assert.Equal("postnl", Assert.Single(result.Value.Locations).CarrierId);
    }

    [Fact]
    public async Task LoadCsvAsync_KindInCapitals_Accepted()
    {
        var result = await LoadCsvAsync($"{Header}\nx,X,Post_Office,postnl,52.37,4.89,,,,,\n");

        Assert.Equal(DropOffKind.PostOffice, Assert.Single(result.Value.Locations).Kind);
    }

    [Fact]
    public async Task LoadCsvAsync_SameOpeningHoursOnManyRows_SharesOneValue()
    {
        var result = await LoadCsvAsync($"{Header}\na,A,mailbox,postnl,52.37,4.89,,,,,Mo-Fr 09:00-17:00\nb,B,mailbox,postnl,52.38,4.89,,,,,Mo-Fr 09:00-17:00\n");

        Assert.Same(result.Value.Locations[0].OpeningHours, result.Value.Locations[1].OpeningHours);
    }

    [Theory]
    [InlineData("x,X,shop,postnl,52.37,4.89,,,,,", 3, "kind", "unknown kind 'shop'; expected one of post_office, parcel_locker, pickup_point, store, mailbox.")]
    [InlineData("x,X,,postnl,52.37,4.89,,,,,", 3, "kind", "kind is empty; expected one of post_office, parcel_locker, pickup_point, store, mailbox.")]
    [InlineData("x,X,mailbox,postnl,91,4.89,,,,,", 5, "latitude", "latitude 91 is outside -90 to 90 degrees.")]
    [InlineData("x,X,mailbox,postnl,-90.5,4.89,,,,,", 5, "latitude", "latitude -90.5 is outside -90 to 90 degrees.")]
    [InlineData("x,X,mailbox,postnl,52.37,abc,,,,,", 6, "longitude", "'abc' is not a longitude; expected decimal degrees with a point, e.g. 4.8922.")]
    [InlineData("x,X,mailbox,postnl,52.37,180.01,,,,,", 6, "longitude", "longitude 180.01 is outside -180 to 180 degrees.")]
    [InlineData("x,X,mailbox,postnl,\"52,37\",4.89,,,,,", 5, "latitude", "'52,37' is not a latitude; expected decimal degrees with a point, e.g. 52.3731.")]
    [InlineData("x,X,mailbox,postnl,,4.89,,,,,", 5, "latitude", "latitude is empty; expected decimal degrees with a point, e.g. 52.3731.")]
    [InlineData("x,X,mailbox,postnl,NaN,4.89,,,,,", 5, "latitude", "'NaN' is not a latitude; expected decimal degrees with a point, e.g. 52.3731.")]
    [InlineData("x,X,mailbox,postnl,52.37,-Infinity,,,,,", 6, "longitude", "'-Infinity' is not a longitude; expected decimal degrees with a point, e.g. 4.8922.")]
    [InlineData("x,X,mailbox,postnl,5.2e1,4.89,,,,,", 5, "latitude", "'5.2e1' is not a latitude; expected decimal degrees with a point, e.g. 52.3731.")]
    [InlineData("x,X,mailbox,,52.37,4.89,,,,,", 4, "carrier", "carrier is empty; only a store (one of the retailer's own) may leave it empty, this is a mailbox.")]
    [InlineData("x,X,mailbox,postnl,52.37,4.89,,,,UK,", 10, "country", "unknown country 'UK'; expected an assigned ISO 3166-1 alpha-2 code such as NL.")]
    [InlineData("x,X,mailbox,postnl,52.37,4.89,,,,NLD,", 10, "country", "unknown country 'NLD'; expected an assigned ISO 3166-1 alpha-2 code such as NL.")]
    [InlineData(",X,mailbox,postnl,52.37,4.89,,,,,", 1, "id", "id is empty; every location needs one.")]
    [InlineData("x,,mailbox,postnl,52.37,4.89,,,,,", 2, "name", "name is empty; every location needs the name people see.")]
    [InlineData("x,X,mailbox,postnl,52.37,4.89,,12345678901234567,,NL,", 8, "postcode", "postcode '12345678901234567' is longer than 16 characters.")]
    public async Task LoadCsvAsync_BadValue_ErrorAtLineColumnAndPath(string row, int column, string path, string message)
    {
        var error = await RejectOneAsync($"{Header}\n{Good}\n{row}\n");

        Assert.Equal((3, column, path), (error.Line, error.Column, error.Path));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public async Task LoadCsvAsync_BadOpeningHours_ErrorInTheColumnWithThePositionInsideTheValue()
    {
        var error = await RejectOneAsync($"{Header}\nx,Shop,pickup_point,dhl,52.37,4.89,Damrak 1,1012 AB,Amsterdam,NL,Mo-Fr sunrise-sunset\n");

        Assert.Equal((2, 11, "opening_hours"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("opening hours 'Mo-Fr sunrise-sunset' are not valid at position 7: times relative to the sun ('sunrise') are not supported; supported are ", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("points.csv(2,11): opening_hours: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvAsync_DuplicateId_ErrorAtTheSecondRowNamingTheFirst()
    {
        var error = await RejectOneAsync($"{Header}\n{Good}\nother,Other,mailbox,postnl,52.3,4.8,,,,,\n{Good}\n");

        Assert.Equal((4, 1, "id"), (error.Line, error.Column, error.Path));
        Assert.Equal("duplicate id 'ok'; line 2 already uses it, and ids must be unique.", error.Message);
    }

    [Fact]
    public async Task LoadCsvAsync_IdsDifferingInCase_AreDifferent()
    {
        var result = await LoadCsvAsync($"{Header}\n{Good}\n{Good.Replace("ok,", "OK,", StringComparison.Ordinal)}\n");

        Assert.Equal(2, result.Value.Count);
    }

    [Fact]
    public async Task LoadCsvAsync_WrongFieldCount_ErrorNamesTheRow()
    {
        var error = await RejectOneAsync($"{Header}\n{Good}\nx,X,mailbox,postnl,52.37,4.89,Damrak 1, 2nd floor,1012 AB,Amsterdam,NL,\n");

        Assert.Equal((3, 12, "row"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("wrong field count: the header has 11 fields, this row has 12", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvAsync_QuotedNewlineBeforeABadValue_CountsPhysicalLines()
    {
        var error = await RejectOneAsync($"{Header}\nx,\"Two\nlines\",mailbox,postnl,52.37,999,,,,,\n");

        Assert.Equal((3, 6, "longitude"), (error.Line, error.Column, error.Path));
    }

    [Fact]
    public async Task LoadCsvAsync_MissingColumn_HeaderError()
    {
        var error = await RejectOneAsync("id,name,kind,carrier,latitude,longitude,address,postcode,city,country\nx,X,mailbox,postnl,52.37,4.89,,,,\n");

        Assert.Equal((1, null, "opening_hours"), (error.Line, error.Column, error.Path));
        Assert.Equal("missing required column opening_hours; a location file has the columns id,name,kind,carrier,latitude,longitude,address,postcode,city,country,opening_hours.", error.Message);
    }

    [Fact]
    public async Task LoadCsvAsync_UnknownColumn_HeaderError()
    {
        var error = await RejectOneAsync($"{Header},phone\n{Good},020 1234567\n");

        Assert.Equal((1, 12, "phone"), (error.Line, error.Column, error.Path));
        Assert.StartsWith("unknown column 'phone'; expected id, name, kind", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvAsync_ExtraColumnPrefixedX_Ignored()
    {
        var result = await LoadCsvAsync($"{Header},x_phone\n{Good},020 1234567\n");

        Assert.Equal(1, result.Value.Count);
    }

    [Fact]
    public async Task LoadCsvAsync_DuplicateColumn_HeaderError()
    {
        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LoadCsvAsync($"{Header},kind\n{Good},store\n"));

        Assert.Contains(exception.Errors, e => (e.Line, e.Column, e.Path) == (1, 12, "kind"));
    }

    [Fact]
    public async Task LoadCsvAsync_EmptyFile_SaysWhatTheHeaderShouldBe()
    {
        var error = await RejectOneAsync(string.Empty);

        Assert.Contains("id,name,kind,carrier,latitude,longitude", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvAsync_SemicolonSeparated_SaysToUseCommas()
    {
        var error = await RejectOneAsync("id;name;kind;carrier;latitude;longitude;address;postcode;city;country;opening_hours\n");

        Assert.Contains("semicolons", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadCsvAsync_SkipAndReport_KeepsGoodRowsAndReportsEveryBadOne()
    {
        var csv = string.Join('\n',
            Header,
            Good,
            "a,A,shop,postnl,52.37,4.89,,,,,",
            "b,B,mailbox,postnl,91,abc,,,,,",
            "c,C,mailbox,postnl,52.30,4.80,,,,,Mo-Fr 09:00-18:00",
            "ok,Again,mailbox,postnl,52.30,4.80,,,,,",
            "d,D,mailbox,postnl,52.31,4.81,,,,XX,Mo sunrise-12:00",
            "e,E,store,,52.32,4.82,,,,,");

        var result = await LoadCsvAsync(csv, CsvErrorHandling.SkipAndReport);

        Assert.Equal(["ok", "c", "e"], result.Value.Locations.Select(l => l.Id));
        Assert.Equal(
            [(3, 3, "kind"), (4, 5, "latitude"), (4, 6, "longitude"), (6, 1, "id"), (7, 10, "country"), (7, 11, "opening_hours")],
            result.Errors.Select(e => (e.Line!.Value, e.Column!.Value, e.Path)));
        Assert.All(result.Errors, e => Assert.Equal("points.csv", e.Source));
    }

    [Fact]
    public async Task LoadCsvAsync_SkippedRowsId_CanBeUsedByALaterRow()
    {
        var result = await LoadCsvAsync($"{Header}\nx,X,shop,postnl,52.37,4.89,,,,,\nx,X,mailbox,postnl,52.37,4.89,,,,,\n", CsvErrorHandling.SkipAndReport);

        Assert.Equal(DropOffKind.Mailbox, Assert.Single(result.Value.Locations).Kind);
        Assert.Single(result.Errors);
    }

    [Fact]
    public async Task LoadCsvAsync_Progress_ReportedAtIntervalsAndAtTheEnd()
    {
        var csv = new System.Text.StringBuilder(Header).Append('\n');
        for (var i = 0; i < 25; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"p{i},P,mailbox,postnl,52.{i:00},4.89,,,,,\n");
        }

        var reports = new List<CsvReadProgress>();
        var options = new CsvReadOptions { ProgressInterval = 10, Progress = new SynchronousProgress(reports) };

        var result = await LocationCatalog.LoadCsvAsync(Utf8(csv.ToString()), options, TestContext.Current.CancellationToken);

        Assert.Equal(25, result.Value.Count);
        Assert.Equal([10L, 20L, 26L], reports.Select(r => r.Records));
        Assert.Equal(26, reports[^1].Lines);
    }

    [Fact]
    public async Task LoadFileAsync_UnknownExtension_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => LocationCatalog.LoadFileAsync("points.txt", cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task LoadFileAsync_BadRow_ErrorNamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"locations-{Guid.NewGuid():N}.CSV");
        await File.WriteAllTextAsync(path, $"{Header}\nx,X,shop,postnl,52.37,4.89,,,,,\n", TestContext.Current.CancellationToken);
        try
        {
            var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LocationCatalog.LoadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken));

            Assert.Equal(path, Assert.Single(exception.Errors).Source);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LoadCsvAsync_NotUtf8_Rejected()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes($"{Header}\nx,Café,mailbox,postnl,52.37,4.89,,,,,\n");

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LocationCatalog.LoadCsvAsync(new MemoryStream(bytes), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Contains("UTF-8", Assert.Single(exception.Errors).Message, StringComparison.Ordinal);
    }

    private sealed class SynchronousProgress(List<CsvReadProgress> reports) : IProgress<CsvReadProgress>
    {
        public void Report(CsvReadProgress value) => reports.Add(value);
    }
}
