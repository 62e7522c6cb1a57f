using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Returns.Sdk;

namespace Returns.Carriers.DhlParcelDe.Internal;

// DHL's Parcel DE APIs spell countries as ISO 3166-1 alpha-3 (the returns API's shipper countries, its receiver
// configuration, customs origins); the SDK speaks alpha-2. The table covers the EU, the EEA, Switzerland and the
// United Kingdom: every country DHL Retoure accepts a return from, and their neighbours a retailer may configure.
internal static class DhlCountries
{
    private static readonly FrozenDictionary<string, string> Alpha3ByAlpha2 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AT"] = "AUT", ["BE"] = "BEL", ["BG"] = "BGR", ["HR"] = "HRV", ["CY"] = "CYP", ["CZ"] = "CZE", ["DK"] = "DNK",
        ["EE"] = "EST", ["FI"] = "FIN", ["FR"] = "FRA", ["DE"] = "DEU", ["GR"] = "GRC", ["HU"] = "HUN", ["IE"] = "IRL",
        ["IT"] = "ITA", ["LV"] = "LVA", ["LT"] = "LTU", ["LU"] = "LUX", ["MT"] = "MLT", ["NL"] = "NLD", ["PL"] = "POL",
        ["PT"] = "PRT", ["RO"] = "ROU", ["SK"] = "SVK", ["SI"] = "SVN", ["ES"] = "ESP", ["SE"] = "SWE",
        ["IS"] = "ISL", ["LI"] = "LIE", ["NO"] = "NOR",
        ["CH"] = "CHE", ["GB"] = "GBR",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> Alpha2ByAlpha3 =
        Alpha3ByAlpha2.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    // The shipper countries the returns API documents (its Country enum): the EU, Norway, Switzerland, the UK.
    private static readonly FrozenSet<string> ReturnSenders = Alpha3ByAlpha2.Keys.Where(c => c is not ("IS" or "LI")).ToFrozenSet(StringComparer.Ordinal);

    public static IEnumerable<string> ReturnSenderCountries => ReturnSenders;

    public static bool TryGetAlpha3(CountryCode country, [NotNullWhen(true)] out string? alpha3) =>
        Alpha3ByAlpha2.TryGetValue(country.Value, out alpha3);

    public static bool IsReturnSender(CountryCode country) => ReturnSenders.Contains(country.Value);

    // Outside the EU DHL Retoure International needs a customs declaration (CN23) with the items.
    public static bool NeedsCustomsDeclaration(CountryCode country) => !country.IsEuMember;

    // Reads a country as the retailer wrote it in configuration: alpha-2 ("DE") or DHL's alpha-3 ("deu", "DEU").
    public static bool TryParseConfigured(string? text, out CountryCode country)
    {
        country = default;
        var code = text?.Trim();
        return code switch
        {
            { Length: 2 } => CountryCode.TryParse(code, out country) && Alpha3ByAlpha2.ContainsKey(country.Value),
            { Length: 3 } => Alpha2ByAlpha3.TryGetValue(code, out var alpha2) && CountryCode.TryParse(alpha2, out country),
            _ => false,
        };
    }
}
