using System.Collections.Frozen;

namespace Returns.Sdk.Internal;

/// <summary>ISO 3166-1 alpha-2 country codes and the EU and EEA memberships derived from them.</summary>
internal static class Iso3166
{
    /// <summary>All officially assigned ISO 3166-1 alpha-2 codes, upper case.</summary>
    private static readonly FrozenSet<string> Assigned = new[]
    {
        "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
        "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS", "BT", "BV", "BW", "BY", "BZ",
        "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ",
        "DE", "DJ", "DK", "DM", "DO", "DZ",
        "EC", "EE", "EG", "EH", "ER", "ES", "ET",
        "FI", "FJ", "FK", "FM", "FO", "FR",
        "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY",
        "HK", "HM", "HN", "HR", "HT", "HU",
        "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT",
        "JE", "JM", "JO", "JP",
        "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ",
        "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
        "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
        "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
        "OM",
        "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY",
        "QA",
        "RE", "RO", "RS", "RU", "RW",
        "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ",
        "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ",
        "UA", "UG", "UM", "US", "UY", "UZ",
        "VA", "VC", "VE", "VG", "VI", "VN", "VU",
        "WF", "WS",
        "YE", "YT",
        "ZA", "ZM", "ZW",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The 27 member states of the European Union, by ISO alpha-2 code (GR, not EL, for Greece).</summary>
    private static readonly FrozenSet<string> EuMembers = new[]
    {
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
        "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The European Economic Area: the EU member states plus Iceland, Liechtenstein and Norway.</summary>
    private static readonly FrozenSet<string> EeaMembers = EuMembers
        .Concat(["IS", "LI", "NO"])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether the code is an officially assigned ISO 3166-1 alpha-2 code (upper case; user-assigned codes such as XK are not).</summary>
    /// <param name="alpha2">The two-letter upper-case country code.</param>
    /// <returns><see langword="true"/> when the code is officially assigned.</returns>
    internal static bool IsAssigned(string alpha2) => alpha2 is not null && Assigned.Contains(alpha2);

    /// <summary>Whether the code is a member state of the European Union.</summary>
    /// <param name="alpha2">The two-letter upper-case country code.</param>
    /// <returns><see langword="true"/> for the 27 EU member states.</returns>
    internal static bool IsEuMember(string alpha2) => alpha2 is not null && EuMembers.Contains(alpha2);

    /// <summary>Whether the code is in the European Economic Area (the EU plus IS, LI and NO).</summary>
    /// <param name="alpha2">The two-letter upper-case country code.</param>
    /// <returns><see langword="true"/> for the 30 EEA countries.</returns>
    internal static bool IsEea(string alpha2) => alpha2 is not null && EeaMembers.Contains(alpha2);
}
