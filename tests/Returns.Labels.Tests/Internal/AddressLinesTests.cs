using Returns.Labels.Internal;
using Returns.Sdk;

namespace Returns.Labels.Tests.Internal;

public sealed class AddressLinesTests
{
    [Theory]
    [InlineData("DE", "10115", "Berlin", null, "10115  Berlin")]
    [InlineData("US", "10001", "New York, NY", null, "New York, NY  10001")]
    [InlineData("GB", "SW1A 1AA", "London", "London", "SW1A 1AA")]
    [InlineData("NL", "", "Venlo", null, "Venlo")]
    public void From_Country_PlacesPostcodeAndCityItsWay(string country, string postcode, string city, string? cityLine, string keyLine)
    {
        var lines = AddressLines.From(new Address(CountryCode.Parse(country), postcode) { City = city, Name = " Ann\tLee ", Line1 = "1 Main St", Line2 = "  " }, TextShaper.Unicode);

        Assert.Equal("Ann Lee", lines.Name);
        Assert.Equal(["1 Main St"], lines.Street);
        Assert.Equal(cityLine, lines.CityLine);
        Assert.Equal(keyLine, lines.KeyLine);
        Assert.EndsWith($"({country})", lines.Country, StringComparison.Ordinal);
    }
}
