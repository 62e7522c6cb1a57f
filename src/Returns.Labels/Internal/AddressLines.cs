using System.Collections.Frozen;
using System.Globalization;
using Returns.Sdk;

namespace Returns.Labels.Internal;

/// <summary>An address split into the lines a label prints. Personal data: never logged.</summary>
internal sealed record AddressLines(string Name, IReadOnlyList<string> Street, string? CityLine, string KeyLine, string Country)
{
    // Where the postcode stands on a line of its own under the town (UPU S42 templates).
    private static readonly FrozenSet<string> PostcodeOwnLine = new[] { "GB", "IE", "IM", "JE", "GG" }.ToFrozenSet();

    // Where the postcode follows the town.
    private static readonly FrozenSet<string> PostcodeAfterCity = new[] { "US", "CA", "AU", "NZ", "BR", "CN", "IN", "JP", "KR", "MX", "ZA", "SG" }.ToFrozenSet();

    public static AddressLines From(Address address, TextShaper shaper)
    {
        var street = new[] { shaper.Line(address.Line1), shaper.Line(address.Line2) }.Where(l => l.Length > 0).ToArray();
        var city = shaper.Line(address.City);
        var postcode = shaper.Line(address.Postcode);
        var code = address.Country.Value;

        string? cityLine = null;
        string keyLine;
        if (PostcodeOwnLine.Contains(code) && city.Length > 0 && postcode.Length > 0)
        {
            cityLine = city;
            keyLine = postcode;
        }
        else if (PostcodeAfterCity.Contains(code))
        {
            keyLine = Join(city, postcode);
        }
        else
        {
            keyLine = Join(postcode, city);
        }

        return new AddressLines(shaper.Line(address.Name), street, cityLine, keyLine, shaper.Line(CountryName(code)));
    }

    private static string Join(string first, string second) =>
        first.Length == 0 ? second : second.Length == 0 ? first : first + "  " + second;

    private static string CountryName(string code)
    {
        try
        {
            var name = new RegionInfo(code).EnglishName;
            return string.IsNullOrWhiteSpace(name) ? code : name.ToUpperInvariant() + " (" + code + ")";
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
