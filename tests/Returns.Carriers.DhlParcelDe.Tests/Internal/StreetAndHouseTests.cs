using Returns.Carriers.DhlParcelDe.Internal;

namespace Returns.Carriers.DhlParcelDe.Tests.Internal;

public sealed class StreetAndHouseTests
{
    [Theory]
    [InlineData("Charles-de-Gaulle-Str. 20", "Charles-de-Gaulle-Str.", "20")]
    [InlineData("Kurfürstendamm 21a", "Kurfürstendamm", "21a")]
    [InlineData("Hauptstraße 12 b", "Hauptstraße", "12 b")]
    [InlineData("Am Markt 3-5", "Am Markt", "3-5")]
    [InlineData("Straße des 17. Juni 135", "Straße des 17. Juni", "135")]
    [InlineData("12 Rue de la Paix", "Rue de la Paix", "12")]
    [InlineData("221B, Baker Street", "Baker Street", "221B")]
    public void TrySplit_CommonWritings_SplitsStreetAndHouse(string line, string street, string house)
    {
        Assert.True(StreetAndHouse.TrySplit(line, out var s, out var h));
        Assert.Equal(street, s);
        Assert.Equal(house, h);
    }

    [Theory]
    [InlineData("Hauptstraße")]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345678901 Long Road")]
    public void TrySplit_NoUsableHouseNumber_IsFalse(string? line) =>
        Assert.False(StreetAndHouse.TrySplit(line, out _, out _));
}
