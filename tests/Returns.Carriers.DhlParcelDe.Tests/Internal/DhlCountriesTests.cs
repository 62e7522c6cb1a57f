using Returns.Carriers.DhlParcelDe.Internal;
using Returns.Sdk;

namespace Returns.Carriers.DhlParcelDe.Tests.Internal;

public sealed class DhlCountriesTests
{
    public static TheoryData<string, string> EuEeaChGb => new()
    {
        { "AT", "AUT" }, { "BE", "BEL" }, { "BG", "BGR" }, { "HR", "HRV" }, { "CY", "CYP" }, { "CZ", "CZE" }, { "DK", "DNK" },
        { "EE", "EST" }, { "FI", "FIN" }, { "FR", "FRA" }, { "DE", "DEU" }, { "GR", "GRC" }, { "HU", "HUN" }, { "IE", "IRL" },
        { "IT", "ITA" }, { "LV", "LVA" }, { "LT", "LTU" }, { "LU", "LUX" }, { "MT", "MLT" }, { "NL", "NLD" }, { "PL", "POL" },
        { "PT", "PRT" }, { "RO", "ROU" }, { "SK", "SVK" }, { "SI", "SVN" }, { "ES", "ESP" }, { "SE", "SWE" },
        { "IS", "ISL" }, { "LI", "LIE" }, { "NO", "NOR" }, { "CH", "CHE" }, { "GB", "GBR" },
    };

    [Theory]
    [MemberData(nameof(EuEeaChGb))]
    public void TryGetAlpha3_EuEeaSwitzerlandUk_MapsBothWays(string alpha2, string alpha3)
    {
        Assert.True(DhlCountries.TryGetAlpha3(CountryCode.Parse(alpha2), out var mapped));
        Assert.Equal(alpha3, mapped);
        Assert.True(DhlCountries.TryParseConfigured(alpha3.ToLowerInvariant(), out var back));
        Assert.Equal(alpha2, back.Value);
    }

    [Fact]
    public void TryGetAlpha3_EveryEeaCountry_IsCovered()
    {
        var covered = EuEeaChGb.Select(row => row.Data.Item1).ToHashSet(StringComparer.Ordinal);

        Assert.All(covered.Select(CountryCode.Parse).Where(c => c.IsEea), c => Assert.True(DhlCountries.TryGetAlpha3(c, out _)));
        Assert.Equal(30, covered.Select(CountryCode.Parse).Count(c => c.IsEea));
    }

    [Theory]
    [InlineData("US")]
    [InlineData("XK")]
    [InlineData("USA")]
    [InlineData("")]
    [InlineData("DEUT")]
    public void TryParseConfigured_OutsideTheTable_IsFalse(string text) =>
        Assert.False(DhlCountries.TryParseConfigured(text, out _));

    [Fact]
    public void TryGetAlpha3_Unknown_IsFalse() =>
        Assert.False(DhlCountries.TryGetAlpha3(CountryCode.Parse("US"), out _));

    [Fact]
    public void ReturnSenderCountries_AreTheDocumentedThirty() =>
        Assert.Equal(30, DhlCountries.ReturnSenderCountries.Count());

    [Theory]
    [InlineData("CN", "CHN")]
    [InlineData("US", "USA")]
    [InlineData("VN", "VNM")]
    [InlineData("BD", "BGD")]
    [InlineData("TR", "TUR")]
    [InlineData("KR", "KOR")]
    [InlineData("GB", "GBR")]
    public void TryGetOriginAlpha3_CountryOfManufacture_MapsToDhlsAlpha3(string alpha2, string alpha3)
    {
        Assert.True(DhlCountries.TryGetOriginAlpha3(CountryCode.Parse(alpha2), out var mapped));
        Assert.Equal(alpha3, mapped);
    }

    [Theory]
    [MemberData(nameof(EuEeaChGb))]
    public void TryGetOriginAlpha3_EuEeaSwitzerlandUk_AgreesWithTheShipperTable(string alpha2, string alpha3)
    {
        Assert.True(DhlCountries.TryGetOriginAlpha3(CountryCode.Parse(alpha2), out var mapped));
        Assert.Equal(alpha3, mapped);
    }

    [Theory]
    [InlineData("AQ")]
    [InlineData("EH")]
    public void TryGetOriginAlpha3_OutsideDhlsOriginList_IsFalse(string alpha2) =>
        Assert.False(DhlCountries.TryGetOriginAlpha3(CountryCode.Parse(alpha2), out _));
}
