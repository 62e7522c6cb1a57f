namespace Returns.Sdk.Locations.Internal;

/// <summary>How postcodes are compared: upper case, without spaces or hyphens, so "1012 ab" matches "1012AB".</summary>
internal static class Postcodes
{
    /// <summary>The longest postcode accepted, normalised (as for <see cref="Address.Postcode"/>).</summary>
    internal const int MaxLength = 16;

    /// <summary>Writes the normalised postcode into <paramref name="into"/> (at least as long as the text); returns its length.</summary>
    internal static int Normalize(ReadOnlySpan<char> text, Span<char> into)
    {
        var length = 0;
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '-')
            {
                into[length++] = char.ToUpperInvariant(c);
            }
        }

        return length;
    }

    internal static string Normalize(ReadOnlySpan<char> text)
    {
        var into = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        return into[..Normalize(text, into)].ToString();
    }
}
