using System.Globalization;
using System.Text;
using System.Text.Json;
using Returns.Sdk;
using Returns.Sdk.Carriers;
using Returns.Sdk.Locations;

namespace Returns.Cli.Tests.Commands;

public sealed class PointsCommandsTests
{
    private const string Header = "id,name,kind,carrier,latitude,longitude,address,postcode,city,country,opening_hours";

    [Theory]
    [InlineData("52.37,4.89", 10, null)]
    [InlineData("51.2194,4.4025", 7, "parcel_locker")]
    [InlineData("50.85,4.35", 25, "pickup_point")]
    [InlineData("53.2194,6.5665", 3, "store")]
    public async Task Nearest_DemoPointsAsJson_MatchesBruteForceScanOfTheSameCsv(string at, int k, string? kind)
    {
        string[] args = ["points", "nearest", "--at", at, "--k", k.ToString(CultureInfo.InvariantCulture), "--format", "json"];
        var result = await CliRunner.RunAsync(kind is null ? args : [.. args, "--kind", kind]);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(string.Empty, result.Console);
        using var json = JsonDocument.Parse(result.Stdout);
        var points = json.RootElement.EnumerateArray().ToArray();

        var origin = Parse(at);
        var expected = await BruteForceAsync(DemoFiles.PointsPath, origin, k, p => kind is null || KindName(p.Kind) == kind);
        Assert.Equal(expected.Select(e => e.Id), points.Select(p => p.GetProperty("id").GetString()));
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(expected[i].DistanceKm, points[i].GetProperty("distanceKm").GetDouble(), 3);
            Assert.Equal(i + 1, points[i].GetProperty("rank").GetInt32());
            if (kind is not null)
            {
                Assert.Equal(kind, points[i].GetProperty("kind").GetString());
            }
        }
    }

    [Fact]
    public async Task Nearest_JsonFormat_WritesEveryFieldWithItsType()
    {
        var result = await CliRunner.RunAsync("points", "nearest", "--at", "52.37,4.89", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var points = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(5, points.Length);
        foreach (var point in points)
        {
            Assert.Equal(JsonValueKind.String, point.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.String, point.GetProperty("name").ValueKind);
            Assert.Contains(point.GetProperty("kind").GetString(), new[] { "post_office", "parcel_locker", "pickup_point", "store", "mailbox" });
            Assert.Equal(JsonValueKind.Number, point.GetProperty("distanceKm").ValueKind);
            Assert.InRange(point.GetProperty("latitude").GetDouble(), 52.2, 52.5);
            Assert.InRange(point.GetProperty("longitude").GetDouble(), 4.7, 5.1);
            Assert.Equal("Amsterdam", point.GetProperty("city").GetString());
            Assert.True(point.TryGetProperty("address", out _));
            Assert.True(point.TryGetProperty("carrier", out _));
            Assert.True(point.TryGetProperty("openingHours", out _));
            Assert.True(point.TryGetProperty("openNow", out _));
        }

        Assert.StartsWith("[\n  {\n    \"rank\": 1,", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearest_CarrierAndKind_ListsOnlyThatNetworksPoints()
    {
        var result = await CliRunner.RunAsync("points", "nearest", "--at", "52.37,4.89", "--k", "8", "--carrier", "dhl", "--kind", "parcel_locker", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var points = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(8, points.Length);
        Assert.All(points, p => Assert.Equal("dhl", p.GetProperty("carrier").GetString()));
        Assert.All(points, p => Assert.Equal("parcel_locker", p.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Nearest_UserCsv_JudgesOpenNowAtTheContextClockInTheTimeZone()
    {
        // The fake clock says Friday 20 November 2026, 12:00 UTC: 13:00 in Amsterdam, 07:00 in New York.
        using var temp = new TempDirectory();
        var path = temp.Write("mine.csv", string.Join('\n',
            Header,
            "near,Near locker,parcel_locker,postnl,52.3700,4.8900,Damrak 1,1012 AB,Amsterdam,NL,24/7",
            "middle,\"Shop, the middle one\",pickup_point,dhl,52.3800,4.8900,Kerkstraat 2,1017 GA,Amsterdam,NL,Mo-Fr 09:00-12:00",
            "far,Far mailbox,mailbox,postnl,52.4500,4.8900,Dorpsstraat 3,1031 AA,Amsterdam,NL,",
            "brussels,Brussels shop,store,,50.8467,4.3525,Rue Neuve 1,1000,Brussel/Bruxelles,BE,Mo-Sa 09:30-18:30"));

        var result = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89", "--k", "3", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var points = json.RootElement.EnumerateArray().ToArray();
        Assert.Equal(["near", "middle", "far"], points.Select(p => p.GetProperty("id").GetString()));
        Assert.Equal(0, points[0].GetProperty("distanceKm").GetDouble());
        Assert.Equal(1.112, points[1].GetProperty("distanceKm").GetDouble(), 3);
        Assert.True(points[0].GetProperty("openNow").GetBoolean());
        Assert.False(points[1].GetProperty("openNow").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1)), points[1].GetProperty("nextOpening").GetDateTimeOffset());
        Assert.Equal("+01:00", points[1].GetProperty("nextOpening").GetString()![^6..]);
        Assert.Equal(JsonValueKind.Null, points[2].GetProperty("openNow").ValueKind);
        Assert.Equal(JsonValueKind.Null, points[2].GetProperty("openingHours").ValueKind);
        Assert.Equal("Shop, the middle one", points[1].GetProperty("name").GetString());
        Assert.Equal("Kerkstraat 2", points[1].GetProperty("address").GetString());
        Assert.Equal("dhl", points[1].GetProperty("carrier").GetString());

        var newYork = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89", "--k", "2", "--time-zone", "America/New_York", "--format", "json");
        using var early = JsonDocument.Parse(newYork.Stdout);
        Assert.False(early.RootElement[1].GetProperty("openNow").GetBoolean());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.FromHours(-5)), early.RootElement[1].GetProperty("nextOpening").GetDateTimeOffset());
    }

    [Fact]
    public async Task Nearest_StoreRow_HasNoCarrier()
    {
        var result = await CliRunner.RunAsync("points", "nearest", "--at", "50.8520,4.3560", "--k", "1", "--kind", "store", "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var store = json.RootElement[0];
        Assert.Equal(JsonValueKind.Null, store.GetProperty("carrier").ValueKind);
        Assert.Equal("store", store.GetProperty("kind").GetString());
        Assert.Equal("BE", store.GetProperty("country").GetString());
    }

    [Fact]
    public async Task Nearest_Time_JudgesOpenNowAtThatInstant()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("one.csv", Header + "\nshop,Shop,pickup_point,dhl,52.37,4.89,Damrak 1,1012 AB,Amsterdam,NL,Mo-Fr 09:00-12:00\n");

        var morning = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89", "--time", "2026-11-20T10:30:00+01:00", "--format", "json");

        using var json = JsonDocument.Parse(morning.Stdout);
        Assert.True(json.RootElement[0].GetProperty("openNow").GetBoolean());
        Assert.Equal(JsonValueKind.Null, json.RootElement[0].GetProperty("nextOpening").ValueKind);
    }

    [Fact]
    public async Task Nearest_UserGeoJson_Works()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("mine.geojson", """
            { "type": "FeatureCollection", "features": [
              { "type": "Feature", "geometry": { "type": "Point", "coordinates": [4.3525, 50.8467] },
                "properties": { "id": "bxl", "name": "Brussels point", "kind": "pickup_point", "carrier": "dpd", "address": "Rue Neuve 1", "postcode": "1000", "city": "Bruxelles", "country": "BE", "opening_hours": "24/7" } },
              { "type": "Feature", "geometry": { "type": "Point", "coordinates": [4.8900, 52.3700] },
                "properties": { "id": "ams", "name": "Amsterdam point", "kind": "pickup_point", "carrier": "dpd", "address": "Damrak 1", "postcode": "1012 AB", "city": "Amsterdam", "country": "NL", "opening_hours": "24/7" } }
            ] }
            """);

        var result = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89", "--k", "2", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["ams", "bxl"], json.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Nearest_Table_ShowsTheNearestPointsWithOpenState()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("mine.csv", string.Join('\n',
            Header,
            "near,[Locker] by the station,parcel_locker,postnl,52.3700,4.8900,Damrak 1,1012 AB,Amsterdam,NL,24/7",
            "shut,Morning shop,pickup_point,dhl,52.3800,4.8900,Kerkstraat 2,1017 GA,Amsterdam,NL,Mo-Fr 09:00-12:00"));

        var result = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        Assert.Contains("2 nearest points to 52.37,4.89 (from mine.csv, 2 points; 5 asked)", result.Console, StringComparison.Ordinal);
        Assert.Contains("[Locker] by the station", result.Console, StringComparison.Ordinal);
        Assert.Contains("Damrak 1, 1012 AB Amsterdam", result.Console, StringComparison.Ordinal);
        Assert.Contains("open", result.Console, StringComparison.Ordinal);
        Assert.Contains("closed, opens Mon 09:00", result.Console, StringComparison.Ordinal);
        Assert.Contains("1.1 km", result.Console, StringComparison.Ordinal);
        Assert.True(result.Console.IndexOf("near", StringComparison.Ordinal) < result.Console.IndexOf("shut", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Nearest_DemoTable_ListsFiveAmsterdamPoints()
    {
        var result = await CliRunner.RunAsync("points", "nearest", "--at", "52.37,4.89");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("5 nearest points to 52.37,4.89 (from points.csv,", result.Console, StringComparison.Ordinal);
        Assert.Contains("│ 5 │", result.Console, StringComparison.Ordinal);
        Assert.DoesNotContain("│ 6 │", result.Console, StringComparison.Ordinal);
        Assert.Contains("Amsterdam", result.Console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--at", "52.37", "not a position")]
    [InlineData("--at", "52,37,4,89", "not a position")]
    [InlineData("--at", "north,east", "not a position")]
    [InlineData("--at", "91,4.89", "latitude must be between -90 and 90")]
    [InlineData("--at", "52.37,181", "longitude must be between -180 and 180")]
    [InlineData("--k", "0", "'0' is not a count for --k; it must be a whole number, 1 or more")]
    [InlineData("--k", "-3", "'-3' is not a count for --k")]
    [InlineData("--k", "many", "'many' is not a count for --k")]
    [InlineData("--k", "2.5", "'2.5' is not a count for --k")]
    [InlineData("--kind", "locker", "'locker' is not a kind of point; use one of post_office, parcel_locker, pickup_point, store, mailbox")]
    [InlineData("--kind", "Parcel_Locker", "is not a kind of point")]
    [InlineData("--time-zone", "Mars/Olympus", "'Mars/Olympus' is not a time zone")]
    [InlineData("--carrier", " ", "--carrier needs a network name")]
    public async Task Nearest_BadArgument_ExitsTwoWithMessage(string option, string value, string message)
    {
        string[] args = option == "--at" ? ["points", "nearest", $"--at={value}"] : ["points", "nearest", "--at", "52.37,4.89", option, value];

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("returns points nearest --help", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Nearest_NoAt_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("points", "nearest");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("--at", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearest_NegativeLatitudeWithEquals_Works()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("south.csv", Header + "\ncpt,Cape Town point,pickup_point,dhl,-33.9249,18.4241,Long Street 1,8001,Cape Town,ZA,24/7\n");

        var result = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at=-33.92,18.42", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("cpt", json.RootElement[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Nearest_BadLatitudeInCsv_ReportsFileLineColumnAndExitsTwo()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("bad.csv", string.Join('\n',
            Header,
            "ok,Fine,parcel_locker,postnl,52.37,4.89,Damrak 1,1012 AB,Amsterdam,NL,24/7",
            "bad,Too far north,parcel_locker,postnl,91.5,4.89,Damrak 2,1012 AB,Amsterdam,NL,24/7"));

        var result = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89", "--format", "json");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"{path}(3,5): latitude: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Nearest_BadOpeningHoursInCsv_ReportsTheColumn()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("hours.csv", Header + "\nx,Shop,pickup_point,dhl,52.37,4.89,Damrak 1,1012 AB,Amsterdam,NL,Mo-Fr sunrise-sunset\n");

        var result = await CliRunner.RunAsync("points", "nearest", "--points", path, "--at", "52.37,4.89");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"{path}(2,11): opening_hours: ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearest_MissingPointsFile_ExitsTwoNamingIt()
    {
        using var temp = new TempDirectory();
        var missing = Path.Combine(temp.Path, "nowhere.csv");

        var result = await CliRunner.RunAsync("points", "nearest", "--points", missing, "--at", "52.37,4.89");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(missing, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nearest_LargeFileOnInteractiveTerminal_LoadsBehindAProgressBar()
    {
        using var temp = new TempDirectory();
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; csv.Length <= 3 * 1024 * 1024; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"p{i},Point {i},parcel_locker,postnl,{50 + (i % 1000 * 0.003):0.000},{4 + (i / 1000 * 0.003):0.000},Kerkstraat {i},1012 AB,Amsterdam,NL,24/7\n");
        }

        var path = temp.Write("large.csv", csv.ToString());

        var table = await CliRunner.RunAsync(interactive: true, "points", "nearest", "--points", path, "--at", "50,4", "--k", "1");
        var json = await CliRunner.RunAsync(interactive: true, "points", "nearest", "--points", path, "--at", "50,4", "--k", "1", "--format", "json");

        Assert.Equal(ExitCodes.Success, table.ExitCode);
        Assert.Contains("Reading large.csv", table.Console, StringComparison.Ordinal);
        Assert.Contains("p0", table.Console, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, json.ExitCode);
        Assert.Equal(string.Empty, json.Console);
        Assert.DoesNotContain("Reading", json.Stdout, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal("p0", document.RootElement[0].GetProperty("id").GetString());
    }

    private static async Task<(string Id, double DistanceKm)[]> BruteForceAsync(string path, GeoPoint from, int k, Func<DropOffPoint, bool> keep)
    {
        var catalog = (await LocationCatalog.LoadFileAsync(path, cancellationToken: TestContext.Current.CancellationToken)).Value;
        return [.. catalog.Locations
            .Select((point, index) => (point, index, distance: from.DistanceKmTo(point.Location)))
            .Where(p => keep(p.point))
            .OrderBy(p => p.distance)
            .ThenBy(p => p.index)
            .Take(k)
            .Select(p => (p.point.Id, p.distance))];
    }

    private static GeoPoint Parse(string at)
    {
        var parts = at.Split(',');
        return new GeoPoint(double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static string KindName(DropOffKind kind) => kind switch
    {
        DropOffKind.PostOffice => "post_office",
        DropOffKind.ParcelLocker => "parcel_locker",
        DropOffKind.PickupPoint => "pickup_point",
        DropOffKind.Store => "store",
        DropOffKind.Mailbox => "mailbox",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
