using System.Text;
using Returns.Sdk.Locations;
using static Returns.Sdk.Tests.Locations.LocationFixtures;

namespace Returns.Sdk.Tests.Locations;

// Input nobody should send, which must still end in a located, typed error and never in a hang or a crash.
public sealed class HostileInputTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\0")]
    [InlineData("Mo-Fr 09:00-18:00\u202E")]
    [InlineData("😀")]
    public void OpeningHoursTryParse_Garbage_FalseWithAnError(string text)
    {
        Assert.False(OpeningHours.TryParse(text, out var hours, out var error));
        Assert.Null(hours);
        Assert.NotNull(error);
        Assert.InRange(error.Position, 1, Math.Max(1, text.Length + 1));
    }

    [Fact]
    public void OpeningHoursParse_HundredThousandRules_ParsesToTheLastRuleWins()
    {
        var text = string.Join("; ", Enumerable.Repeat("Mo-Fr 09:00-18:00", 50_000)) + "; Mo-Su off";

        var hours = OpeningHours.Parse(text);

        Assert.False(hours.IsOpen(new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc));
    }

    [Fact]
    public void OpeningHoursParse_ErrorAfterAHugePrefix_PositionPointsAtIt()
    {
        var prefix = string.Join("; ", Enumerable.Repeat("Mo 09:00-10:00", 10_000)) + "; ";

        var error = Assert.Throws<OpeningHoursFormatException>(() => OpeningHours.Parse(prefix + "Jan 09:00-10:00"));

        Assert.Equal(prefix.Length + 1, error.Position);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_EmptyStream_TypedErrorAtLineOne()
    {
        var error = Assert.Single((await Assert.ThrowsAsync<ReturnsValidationException>(() => LoadGeoJsonAsync(string.Empty))).Errors);

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public async Task LoadGeoJsonAsync_TruncatedMidFeature_TypedErrorNotAHang()
    {
        var json = """{ "type": "FeatureCollection", "features": [ { "type": "Feature", "geometry": { "type": "Point", "coordinates": [4.89""";

        var error = Assert.Single((await Assert.ThrowsAsync<ReturnsValidationException>(() => LoadGeoJsonAsync(json))).Errors);

        Assert.Equal(1, error.Line);
    }

    [Fact]
    public async Task LoadCsvAsync_HeaderOnly_EmptyCatalog()
    {
        var result = await LocationCatalog.LoadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(Header + "\n")), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, result.Value.Count);
        Assert.False(result.HasErrors);
    }

    [Fact]
    public async Task LoadCsvAsync_QuoteNeverClosed_ErrorAtTheRowNotAnOutOfMemory()
    {
        var csv = Header + "\n" + "p1,\"Point 1,post_office,postnl,52.37,4.89,,,,NL,24/7\n" + new string('x', 2_000_000);

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => LocationCatalog.LoadCsvAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(2, Assert.Single(exception.Errors).Line);
    }
}
