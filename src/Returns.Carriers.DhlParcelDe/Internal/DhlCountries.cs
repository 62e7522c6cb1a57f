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

    // Countries of origin as the returns API accepts them in a customs declaration (its CountryOfOrigin enum, alpha-3);
    // a few assigned codes (Antarctica, Western Sahara, some uninhabited territories) are not in it.
    private static readonly FrozenDictionary<string, string> OriginAlpha3ByAlpha2 = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AD"] = "AND", ["AE"] = "ARE", ["AF"] = "AFG", ["AG"] = "ATG", ["AI"] = "AIA", ["AL"] = "ALB", ["AM"] = "ARM", ["AO"] = "AGO", ["AR"] = "ARG",
        ["AS"] = "ASM", ["AT"] = "AUT", ["AU"] = "AUS", ["AW"] = "ABW", ["AX"] = "ALA", ["AZ"] = "AZE", ["BA"] = "BIH", ["BB"] = "BRB", ["BD"] = "BGD",
        ["BE"] = "BEL", ["BF"] = "BFA", ["BG"] = "BGR", ["BH"] = "BHR", ["BI"] = "BDI", ["BJ"] = "BEN", ["BL"] = "BLM", ["BM"] = "BMU", ["BN"] = "BRN",
        ["BO"] = "BOL", ["BQ"] = "BES", ["BR"] = "BRA", ["BS"] = "BHS", ["BT"] = "BTN", ["BV"] = "BVT", ["BW"] = "BWA", ["BY"] = "BLR", ["BZ"] = "BLZ",
        ["CA"] = "CAN", ["CC"] = "CCK", ["CD"] = "COD", ["CF"] = "CAF", ["CG"] = "COG", ["CH"] = "CHE", ["CI"] = "CIV", ["CK"] = "COK", ["CL"] = "CHL",
        ["CM"] = "CMR", ["CN"] = "CHN", ["CO"] = "COL", ["CR"] = "CRI", ["CU"] = "CUB", ["CV"] = "CPV", ["CW"] = "CUW", ["CX"] = "CXR", ["CY"] = "CYP",
        ["CZ"] = "CZE", ["DE"] = "DEU", ["DJ"] = "DJI", ["DK"] = "DNK", ["DM"] = "DMA", ["DO"] = "DOM", ["DZ"] = "DZA", ["EC"] = "ECU", ["EE"] = "EST",
        ["EG"] = "EGY", ["ER"] = "ERI", ["ES"] = "ESP", ["ET"] = "ETH", ["FI"] = "FIN", ["FJ"] = "FJI", ["FK"] = "FLK", ["FM"] = "FSM", ["FO"] = "FRO",
        ["FR"] = "FRA", ["GA"] = "GAB", ["GB"] = "GBR", ["GD"] = "GRD", ["GE"] = "GEO", ["GF"] = "GUF", ["GG"] = "GGY", ["GH"] = "GHA", ["GI"] = "GIB",
        ["GL"] = "GRL", ["GM"] = "GMB", ["GN"] = "GIN", ["GP"] = "GLP", ["GQ"] = "GNQ", ["GR"] = "GRC", ["GT"] = "GTM", ["GU"] = "GUM", ["GW"] = "GNB",
        ["GY"] = "GUY", ["HK"] = "HKG", ["HM"] = "HMD", ["HN"] = "HND", ["HR"] = "HRV", ["HT"] = "HTI", ["HU"] = "HUN", ["ID"] = "IDN", ["IE"] = "IRL",
        ["IL"] = "ISR", ["IM"] = "IMN", ["IN"] = "IND", ["IQ"] = "IRQ", ["IR"] = "IRN", ["IS"] = "ISL", ["IT"] = "ITA", ["JE"] = "JEY", ["JM"] = "JAM",
        ["JO"] = "JOR", ["JP"] = "JPN", ["KE"] = "KEN", ["KG"] = "KGZ", ["KH"] = "KHM", ["KI"] = "KIR", ["KM"] = "COM", ["KN"] = "KNA", ["KP"] = "PRK",
        ["KR"] = "KOR", ["KW"] = "KWT", ["KY"] = "CYM", ["KZ"] = "KAZ", ["LA"] = "LAO", ["LB"] = "LBN", ["LC"] = "LCA", ["LI"] = "LIE", ["LK"] = "LKA",
        ["LR"] = "LBR", ["LS"] = "LSO", ["LT"] = "LTU", ["LU"] = "LUX", ["LV"] = "LVA", ["LY"] = "LBY", ["MA"] = "MAR", ["MC"] = "MCO", ["MD"] = "MDA",
        ["ME"] = "MNE", ["MF"] = "MAF", ["MG"] = "MDG", ["MH"] = "MHL", ["MK"] = "MKD", ["ML"] = "MLI", ["MM"] = "MMR", ["MN"] = "MNG", ["MO"] = "MAC",
        ["MP"] = "MNP", ["MQ"] = "MTQ", ["MR"] = "MRT", ["MS"] = "MSR", ["MT"] = "MLT", ["MU"] = "MUS", ["MV"] = "MDV", ["MW"] = "MWI", ["MX"] = "MEX",
        ["MY"] = "MYS", ["MZ"] = "MOZ", ["NA"] = "NAM", ["NC"] = "NCL", ["NE"] = "NER", ["NF"] = "NFK", ["NG"] = "NGA", ["NI"] = "NIC", ["NL"] = "NLD",
        ["NO"] = "NOR", ["NP"] = "NPL", ["NR"] = "NRU", ["NU"] = "NIU", ["NZ"] = "NZL", ["OM"] = "OMN", ["PA"] = "PAN", ["PE"] = "PER", ["PF"] = "PYF",
        ["PG"] = "PNG", ["PH"] = "PHL", ["PK"] = "PAK", ["PL"] = "POL", ["PM"] = "SPM", ["PN"] = "PCN", ["PR"] = "PRI", ["PS"] = "PSE", ["PT"] = "PRT",
        ["PW"] = "PLW", ["PY"] = "PRY", ["QA"] = "QAT", ["RE"] = "REU", ["RO"] = "ROU", ["RS"] = "SRB", ["RU"] = "RUS", ["RW"] = "RWA", ["SA"] = "SAU",
        ["SB"] = "SLB", ["SC"] = "SYC", ["SD"] = "SDN", ["SE"] = "SWE", ["SG"] = "SGP", ["SH"] = "SHN", ["SI"] = "SVN", ["SJ"] = "SJM", ["SK"] = "SVK",
        ["SL"] = "SLE", ["SM"] = "SMR", ["SN"] = "SEN", ["SO"] = "SOM", ["SR"] = "SUR", ["SS"] = "SSD", ["ST"] = "STP", ["SV"] = "SLV", ["SX"] = "SXM",
        ["SY"] = "SYR", ["SZ"] = "SWZ", ["TC"] = "TCA", ["TD"] = "TCD", ["TG"] = "TGO", ["TH"] = "THA", ["TJ"] = "TJK", ["TK"] = "TKL", ["TL"] = "TLS",
        ["TM"] = "TKM", ["TN"] = "TUN", ["TO"] = "TON", ["TR"] = "TUR", ["TT"] = "TTO", ["TV"] = "TUV", ["TW"] = "TWN", ["TZ"] = "TZA", ["UA"] = "UKR",
        ["UG"] = "UGA", ["US"] = "USA", ["UY"] = "URY", ["UZ"] = "UZB", ["VA"] = "VAT", ["VC"] = "VCT", ["VE"] = "VEN", ["VG"] = "VGB", ["VI"] = "VIR",
        ["VN"] = "VNM", ["VU"] = "VUT", ["WF"] = "WLF", ["WS"] = "WSM", ["YE"] = "YEM", ["YT"] = "MYT", ["ZA"] = "ZAF", ["ZM"] = "ZMB", ["ZW"] = "ZWE",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static IEnumerable<string> ReturnSenderCountries => ReturnSenders;

    public static bool TryGetAlpha3(CountryCode country, [NotNullWhen(true)] out string? alpha3) =>
        Alpha3ByAlpha2.TryGetValue(country.Value, out alpha3);

    public static bool TryGetOriginAlpha3(CountryCode country, [NotNullWhen(true)] out string? alpha3) =>
        OriginAlpha3ByAlpha2.TryGetValue(country.Value, out alpha3);

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
