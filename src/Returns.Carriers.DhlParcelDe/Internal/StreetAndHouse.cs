using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Returns.Carriers.DhlParcelDe.Internal;

// The SDK keeps "street and house number" in one line; DHL wants them apart (addressStreet, addressHouse at most 10
// characters). Most of Europe writes the number after the street ("Kurfürstendamm 21a"), France, Ireland, Luxembourg
// and the UK before it ("12 Rue de la Paix").
internal static partial class StreetAndHouse
{
    public const int MaxHouseLength = 10;

    public static bool TrySplit(string? line, [NotNullWhen(true)] out string? street, [NotNullWhen(true)] out string? house)
    {
        street = house = null;
        var text = line?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var match = NumberLast().Match(text);
        if (!match.Success)
        {
            match = NumberFirst().Match(text);
        }

        if (!match.Success || match.Groups["house"].Value.Trim() is not { Length: > 0 and <= MaxHouseLength } number)
        {
            return false;
        }

        street = match.Groups["street"].Value.Trim().TrimEnd(',');
        house = number;
        return street.Length > 0;
    }

    [GeneratedRegex(@"^(?<street>.*?\D)\s*(?<house>\d+\s?[A-Za-z]?(\s?[-/]\s?\d+\s?[A-Za-z]?)?)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex NumberLast();

    [GeneratedRegex(@"^(?<house>\d+\s?[A-Za-z]?(\s?[-/]\s?\d+[A-Za-z]?)?)\s*,?\s+(?<street>\D.*)$", RegexOptions.CultureInvariant, 100)]
    private static partial Regex NumberFirst();
}
