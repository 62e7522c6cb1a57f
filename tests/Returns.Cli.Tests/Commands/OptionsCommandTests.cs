using System.Globalization;
using System.Text.Json;

namespace Returns.Cli.Tests.Commands;

public sealed class OptionsCommandTests
{
    private const string Time = "2026-11-20T12:00:00Z";

    [Fact]
    public async Task Options_DemoAsJson_OffersSeveralOptionsWithEveryField()
    {
        var result = await CliRunner.RunAsync("options", "--time", Time, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Equal(string.Empty, result.Console);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("balanced", root.GetProperty("strategy").GetString());
        Assert.Equal("EUR", root.GetProperty("currency").GetString());
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 13, 0, 0, TimeSpan.FromHours(1)), root.GetProperty("at").GetDateTimeOffset());
        Assert.Contains("\"at\": \"2026-11-20T13:00:00+01:00\"", result.Stdout, StringComparison.Ordinal);

        var options = root.GetProperty("options").EnumerateArray().ToArray();
        Assert.True(options.Length >= 3, $"expected at least 3 options, got {options.Length}");
        Assert.Equal(Enumerable.Range(1, options.Length), options.Select(o => o.GetProperty("rank").GetInt32()));
        foreach (var option in options)
        {
            Assert.Contains(option.GetProperty("method").GetString(), new[] { "in_store", "post_office", "pickup_point", "parcel_locker", "mailbox", "home_pickup" });
            Assert.Equal(JsonValueKind.Number, option.GetProperty("retailerCost").ValueKind);
            Assert.Equal(JsonValueKind.Number, option.GetProperty("customerFee").ValueKind);
            Assert.Equal(JsonValueKind.Number, option.GetProperty("distanceKm").ValueKind);
            Assert.Equal("EUR", option.GetProperty("currency").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", option.GetProperty("expectedArrival").GetString());
            Assert.False(string.IsNullOrWhiteSpace(option.GetProperty("explanation").GetString()));
            foreach (var name in new[] { "carrier", "service", "locationId", "locationName", "openNow", "labelMode" })
            {
                Assert.True(option.TryGetProperty(name, out _), $"option lacks {name}");
            }

            var method = option.GetProperty("method").GetString();
            if (method == "home_pickup")
            {
                Assert.Equal(JsonValueKind.Null, option.GetProperty("locationId").ValueKind);
            }
            else
            {
                Assert.Equal(JsonValueKind.String, option.GetProperty("locationId").ValueKind);
                Assert.InRange(option.GetProperty("distanceKm").GetDouble(), 0, 25);
            }

            if (method == "in_store")
            {
                Assert.Equal(JsonValueKind.Null, option.GetProperty("carrier").ValueKind);
                Assert.Equal(JsonValueKind.Null, option.GetProperty("labelMode").ValueKind);
            }
            else
            {
                Assert.Contains(option.GetProperty("carrier").GetString(), new[] { "postnl", "dhl", "dpd", "ups" });
                Assert.Contains(option.GetProperty("labelMode").GetString(), new[] { "printed", "printerless_qr", "mailed" });
            }
        }

        Assert.Contains(options, o => o.GetProperty("method").GetString() == "in_store");
        Assert.True(options.Select(o => o.GetProperty("carrier").GetString()).Distinct().Count() >= 3);

        var parcel = root.GetProperty("parcel");
        Assert.Equal("M", parcel.GetProperty("box").GetString());
        Assert.Equal("boxed", parcel.GetProperty("fit").GetString());
        Assert.Equal(JsonValueKind.Number, parcel.GetProperty("weightKg").ValueKind);
        Assert.Contains("TEE-BASIC-M", parcel.GetProperty("skusSizedByDefault").EnumerateArray().Select(s => s.GetString()));

        var customer = root.GetProperty("customer");
        Assert.Equal("NL", customer.GetProperty("country").GetString());
        Assert.Equal("postcode_prefix", customer.GetProperty("locatedBy").GetString());
        Assert.Equal("1012", customer.GetProperty("matchedPostcode").GetString());
    }

    [Fact]
    public async Task Options_Demo_ExplainsExcludedCandidatesInSnakeCase()
    {
        var result = await CliRunner.RunAsync("options", "--time", Time, "--format", "json");

        using var json = JsonDocument.Parse(result.Stdout);
        var excluded = json.RootElement.GetProperty("excluded").EnumerateArray().ToArray();
        Assert.NotEmpty(excluded);
        foreach (var candidate in excluded)
        {
            Assert.Matches("^[a-z_]+$", candidate.GetProperty("reason").GetString());
            Assert.False(string.IsNullOrWhiteSpace(candidate.GetProperty("message").GetString()));
            Assert.True(candidate.TryGetProperty("method", out _));
            Assert.True(candidate.TryGetProperty("carrier", out _));
            Assert.True(candidate.TryGetProperty("service", out _));
        }

        // The demo has DPD lockers only in Belgium, so DPD's locker drop-off is not offered in Amsterdam.
        var locker = Assert.Single(excluded, e => e.GetProperty("carrier").GetString() == "dpd" && e.GetProperty("method").GetString() == "parcel_locker");
        Assert.Equal("no_location_nearby", locker.GetProperty("reason").GetString());
        Assert.Equal("dpd:ShopReturn", locker.GetProperty("service").GetString());
    }

    [Theory]
    [InlineData("cheapest", "retailerCost")]
    [InlineData("cheapest-for-customer", "customerFee")]
    [InlineData("nearest", "distanceKm")]
    [InlineData("fastest", "expectedArrival")]
    public async Task Options_Strategy_OrdersByWhatItsNameSays(string strategy, string property)
    {
        var result = await CliRunner.RunAsync("options", "--time", Time, "--strategy", strategy, "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(strategy, json.RootElement.GetProperty("strategy").GetString());
        var options = json.RootElement.GetProperty("options").EnumerateArray().ToArray();
        Assert.True(options.Length >= 3);
        var keys = options.Select(o => Key(o.GetProperty(property))).ToArray();
        for (var i = 1; i < keys.Length; i++)
        {
            Assert.True(keys[i - 1] <= keys[i], $"{strategy}: option {i} has {property} {keys[i - 1]}, option {i + 1} has {keys[i]}");
        }

        // The orders differ, so the strategy really reached the engine.
        Assert.True(keys.Distinct().Count() > 1);
    }

    [Fact]
    public async Task Options_Strategies_RankDifferently()
    {
        var firsts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var strategy in new[] { "cheapest", "nearest", "fastest" })
        {
            var result = await CliRunner.RunAsync("options", "--time", Time, "--strategy", strategy, "--format", "json");
            using var json = JsonDocument.Parse(result.Stdout);
            var best = json.RootElement.GetProperty("options")[0];
            firsts.Add($"{best.GetProperty("method").GetString()}/{best.GetProperty("carrier").GetString()}");
        }

        Assert.Equal(3, firsts.Count);
    }

    [Fact]
    public async Task Options_Postcode_PlacesTheCustomerAtItsCentroidInItsCountry()
    {
        var result = await CliRunner.RunAsync("options", "--time", Time, "--postcode", "BE:2000", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var customer = json.RootElement.GetProperty("customer");
        Assert.Equal("BE", customer.GetProperty("country").GetString());
        Assert.Equal("2000", customer.GetProperty("postcode").GetString());
        Assert.Equal("postcode", customer.GetProperty("locatedBy").GetString());
        var centroid = Centroid("BE", "2000");
        Assert.Equal(centroid.Latitude, customer.GetProperty("latitude").GetDouble(), 6);
        Assert.Equal(centroid.Longitude, customer.GetProperty("longitude").GetDouble(), 6);

        var options = json.RootElement.GetProperty("options").EnumerateArray().ToArray();
        Assert.True(options.Length >= 3);
        Assert.All(options.Where(o => o.GetProperty("locationId").ValueKind == JsonValueKind.String), o => Assert.InRange(o.GetProperty("distanceKm").GetDouble(), 0, 25));

        // Belgian customers are rated in the BE zone: DPD's locker service is dearer than in the Netherlands but offered.
        Assert.Contains(options, o => o.GetProperty("carrier").GetString() == "dpd" && o.GetProperty("method").GetString() == "parcel_locker");
        var nl = await CliRunner.RunAsync("options", "--time", Time, "--format", "json");
        using var nlJson = JsonDocument.Parse(nl.Stdout);
        Assert.NotEqual(Cost(nlJson, "postnl", "post_office"), Cost(json, "postnl", "post_office"));
    }

    [Fact]
    public async Task Options_At_SearchesFromThoseCoordinates()
    {
        var rotterdam = await CliRunner.RunAsync("options", "--time", Time, "--at", "51.9225,4.4792", "--strategy", "nearest", "--format", "json");
        var amsterdam = await CliRunner.RunAsync("options", "--time", Time, "--format", "json", "--strategy", "nearest");

        Assert.Equal(ExitCodes.Success, rotterdam.ExitCode);
        using var json = JsonDocument.Parse(rotterdam.Stdout);
        var customer = json.RootElement.GetProperty("customer");
        Assert.Equal("coordinates", customer.GetProperty("locatedBy").GetString());
        Assert.Equal(51.9225, customer.GetProperty("latitude").GetDouble());
        Assert.Equal(JsonValueKind.Null, customer.GetProperty("matchedPostcode").ValueKind);
        using var other = JsonDocument.Parse(amsterdam.Stdout);
        Assert.NotEqual(LocationIds(other), LocationIds(json));
        var points = await Returns.Sdk.Locations.LocationCatalog.LoadFileAsync(DemoFiles.PointsPath, cancellationToken: TestContext.Current.CancellationToken);
        var from = new Returns.Sdk.GeoPoint(51.9225, 4.4792);
        foreach (var option in json.RootElement.GetProperty("options").EnumerateArray().Where(o => o.GetProperty("locationId").ValueKind == JsonValueKind.String))
        {
            var point = points.Value.Find(option.GetProperty("locationId").GetString()!)!;
            Assert.Equal(from.DistanceKmTo(point.Location), option.GetProperty("distanceKm").GetDouble(), 3);
        }
    }

    [Theory]
    [InlineData("BE:9999")]
    [InlineData("NL:0000 AA")]
    public async Task Options_UnknownPostcode_ExitsTwoWithClearMessage(string postcode)
    {
        var result = await CliRunner.RunAsync("options", "--time", Time, "--postcode", postcode, "--format", "json");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains($"postcode {postcode}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("postcodes.csv", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--at LAT,LON", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Options_OrderPostcodeUnknownToThePostcodesFile_ExitsTwo()
    {
        using var temp = new TempDirectory();
        var postcodes = temp.Write("few.csv", "country,postcode,latitude,longitude\nBE,2000,51.2194,4.4025\n");

        var result = await CliRunner.RunAsync("options", "--time", Time, "--postcodes", postcodes);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("postcode NL:1012 AB (from the shipping address of order WEB-100234) is not in few.csv", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--postcode", "NL1012AB", "no ':'")]
    [InlineData("--postcode", "XX:1000", "'XX' is not an ISO 3166 alpha-2 country code")]
    [InlineData("--postcode", "NL:", "the code is empty")]
    [InlineData("--strategy", "cheap", "'cheap' is not a strategy; use one of cheapest, cheapest-for-customer, nearest, fastest, balanced")]
    [InlineData("--at", "52.37;4.89", "is not a position")]
    [InlineData("--time", "tomorrow", "is not an ISO 8601 instant")]
    [InlineData("--time-zone", "Europe/Atlantis", "is not a time zone")]
    [InlineData("--format", "yaml", "is not an output format")]
    public async Task Options_BadArgument_ExitsTwo(string option, string value, string message)
    {
        var result = await CliRunner.RunAsync("options", option, value);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("returns options --help", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_AtAndPostcode_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("options", "--at", "52.37,4.89", "--postcode", "NL:1012AB");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Contains("either with --at LAT,LON or with --postcode CC:CODE, not both", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_PolicyWithoutAMethod_NeverOffersIt()
    {
        using var temp = new TempDirectory();
        var policy = temp.Write("no-home-pickup.json", DemoFiles.PolicyJson.Replace(",\n          \"home_pickup\": { \"EUR\": 6.95 }", string.Empty, StringComparison.Ordinal));
        Assert.DoesNotContain("home_pickup", File.ReadAllText(policy), StringComparison.Ordinal);

        foreach (var strategy in new[] { "balanced", "nearest", "fastest" })
        {
            var result = await CliRunner.RunAsync("options", "--time", Time, "--policy", policy, "--strategy", strategy, "--format", "json");

            Assert.Equal(ExitCodes.Success, result.ExitCode);
            using var json = JsonDocument.Parse(result.Stdout);
            Assert.DoesNotContain(json.RootElement.GetProperty("options").EnumerateArray(), o => o.GetProperty("method").GetString() == "home_pickup");
            Assert.NotEmpty(json.RootElement.GetProperty("options").EnumerateArray());
            Assert.Contains(
                json.RootElement.GetProperty("excluded").EnumerateArray(),
                e => e.GetProperty("method").GetString() == "home_pickup" && e.GetProperty("reason").GetString() == "not_allowed_by_policy");
        }

        var demo = await CliRunner.RunAsync("options", "--time", Time, "--format", "json");
        Assert.Contains("\"method\": \"home_pickup\"", demo.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_SameInputsTwice_WriteIdenticalJson()
    {
        var first = await CliRunner.RunAsync("options", "--format", "json", "--strategy", "balanced");
        var second = await CliRunner.RunAsync("options", "--format", "json", "--strategy", "balanced");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal(first.Stdout, second.Stdout);
        Assert.Equal(first.Stdout, (await CliRunner.RunAsync("options", "--format", "json", "--time", Time)).Stdout);
    }

    [Fact]
    public async Task Options_Table_ShowsOptionsExcludedReasonsAndParcel()
    {
        var result = await CliRunner.RunAsync("options", "--time", Time, "--strategy", "cheapest");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
        var console = result.Console;
        Assert.Contains("Return options for order WEB-100234", console, StringComparison.Ordinal);
        Assert.Contains("strategy cheapest", console, StringComparison.Ordinal);
        Assert.Contains("Customer: NL 1012 AB", console, StringComparison.Ordinal);
        Assert.Contains("Retailer cost", console, StringComparison.Ordinal);
        Assert.Contains("Expected arrival", console, StringComparison.Ordinal);
        Assert.Contains("in_store", console, StringComparison.Ordinal);
        Assert.Contains("Demo Shop", console, StringComparison.Ordinal);
        Assert.Contains("EUR", console, StringComparison.Ordinal);
        Assert.Contains("Not offered", console, StringComparison.Ordinal);
        Assert.Contains("no_location_nearby", console, StringComparison.Ordinal);
        Assert.Contains("no parcel locker of dpd within 25 km", console, StringComparison.Ordinal);
        Assert.Contains("Parcel: box M", console, StringComparison.Ordinal);
        Assert.True(console.IndexOf("Not offered", StringComparison.Ordinal) < console.IndexOf("Parcel:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_TableWithPolicyExclusion_ShowsTheReason()
    {
        using var temp = new TempDirectory();
        var policy = temp.Write("no-store.json", DemoFiles.PolicyJson.Replace("\"in_store\": { \"EUR\": 0 },", string.Empty, StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("options", "--time", Time, "--policy", policy);

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("not_allowed_by_policy", result.Console, StringComparison.Ordinal);
        Assert.Contains("the policy does not allow returns in store", result.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_NothingReturnable_ExitsZeroWithNoOptions()
    {
        // A month later every line's window has closed.
        var result = await CliRunner.RunAsync("options", "--time", "2027-03-01T12:00:00Z", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Empty(json.RootElement.GetProperty("options").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("reason").GetString() == "not_allowed_by_policy");
    }

    [Fact]
    public async Task Options_BadRateCard_ReportsFileLineColumnAndExitsTwo()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadAllLines(DemoFiles.RatesPath);
        lines[2] = lines[2].Replace(",5.45,", ",-5.45,", StringComparison.Ordinal);
        var rates = temp.Write("rates.csv", string.Join('\n', lines));

        var result = await CliRunner.RunAsync("options", "--rates", rates, "--format", "json");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"{rates}(3,8): price_eur: ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public async Task Options_UserFiles_AreUsedInsteadOfTheDemo()
    {
        using var temp = new TempDirectory();
        var points = temp.Write("points.csv", string.Join('\n',
            "id,name,kind,carrier,latitude,longitude,address,postcode,city,country,opening_hours",
            "lk1,Corner locker,parcel_locker,acme,52.3700,4.8900,Damrak 1,1012 AB,Amsterdam,NL,24/7"));
        var rates = temp.Write("rates.csv", string.Join('\n',
            "carrier,service,zone,max_weight_g,price_eur,methods,transit_days",
            "acme,Locker,NL,10000,3.10,parcel_locker,2"));
        var zones = temp.Write("zones.csv", "zone,country\nNL,NL\n");

        var result = await CliRunner.RunAsync("options", "--time", Time, "--points", points, "--rates", rates, "--zones", zones, "--at", "52.371,4.891", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var option = Assert.Single(json.RootElement.GetProperty("options").EnumerateArray());
        Assert.Equal("acme", option.GetProperty("carrier").GetString());
        Assert.Equal("lk1", option.GetProperty("locationId").GetString());
        Assert.Equal(3.10m, option.GetProperty("retailerCost").GetDecimal());
        Assert.Equal(2.95m, option.GetProperty("customerFee").GetDecimal());
        Assert.Contains(json.RootElement.GetProperty("excluded").EnumerateArray(), e => e.GetProperty("method").GetString() == "in_store");
    }

    [Fact]
    public async Task Options_BadBoxCatalog_ReportsFileLineColumnAndExitsTwo()
    {
        using var temp = new TempDirectory();
        var boxes = temp.Write("boxes.json", "{\n  \"boxes\": [\n    { \"id\": \"S\", \"lengthCm\": \"thirty\", \"widthCm\": 20, \"heightCm\": 10 }\n  ]\n}\n");

        var result = await CliRunner.RunAsync("options", "--boxes", boxes, "--format", "json");

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith($"{boxes}(3,", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("$.boxes[0].lengthCm", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Options_Help_DescribesEveryOption()
    {
        var result = await CliRunner.RunAsync("options", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var option in new[] { "--order", "--points", "--rates", "--zones", "--policy", "--boxes", "--postcodes", "--at", "--postcode", "--strategy", "--time", "--time-zone", "--format" })
        {
            Assert.Contains(option, result.Stdout, StringComparison.Ordinal);
        }
    }

    private static double Key(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        _ => DateOnly.ParseExact(value.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber,
    };

    private static decimal Cost(JsonDocument json, string carrier, string method) =>
        json.RootElement.GetProperty("options").EnumerateArray()
            .First(o => o.GetProperty("carrier").GetString() == carrier && o.GetProperty("method").GetString() == method)
            .GetProperty("retailerCost").GetDecimal();

    private static string LocationIds(JsonDocument json) =>
        string.Join(',', json.RootElement.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("locationId").ToString()));

    private static Returns.Sdk.GeoPoint Centroid(string country, string postcode)
    {
        foreach (var line in File.ReadLines(DemoFiles.PostcodesPath).Skip(1))
        {
            var fields = line.Split(',');
            if (fields[0] == country && fields[1] == postcode)
            {
                return new Returns.Sdk.GeoPoint(double.Parse(fields[2], CultureInfo.InvariantCulture), double.Parse(fields[3], CultureInfo.InvariantCulture));
            }
        }

        throw new InvalidOperationException($"{country} {postcode} is not in the demo postcodes.");
    }
}
