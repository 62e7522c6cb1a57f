using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;

namespace Returns.Sdk.Lifecycle;

/// <summary>
/// A return merchandise authorization number a customer can read out on the phone: <c>RMA-4K7QM-2XPH7</c>.
/// Nine random symbols from Crockford's base-32 alphabet (no I, L, O or U) and a check symbol (Damm's scheme over
/// GF(32)) that catches every single mistyped symbol and every swap of two neighbours.
/// </summary>
public readonly record struct RmaNumber : ISpanParsable<RmaNumber>
{
    /// <summary>The alphabet of the random and check symbols.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private const string Prefix = "RMA-";
    private const int DataSymbols = 9;
    private const int Symbols = DataSymbols + 1;

    private static readonly SearchValues<char> AlphabetSymbols = SearchValues.Create(Alphabet);

    private readonly string? _value;

    private RmaNumber(string value) => _value = value;

    /// <summary>The canonical form, <c>RMA-XXXXX-XXXXX</c>.</summary>
    public string Value => _value ?? throw new InvalidOperationException("An RMA number must be created with NewRandom, FromSymbols or Parse.");

    /// <summary>Creates a new number from a cryptographic random source.</summary>
    /// <returns>A new number; the store's unique key decides whether it is still free.</returns>
    public static RmaNumber NewRandom()
    {
        Span<char> symbols = stackalloc char[DataSymbols];
        for (var i = 0; i < symbols.Length; i++)
        {
            symbols[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return FromSymbols(symbols);
    }

    /// <summary>Creates the number for nine given data symbols, adding the check symbol.</summary>
    /// <param name="dataSymbols">Nine symbols of <see cref="Alphabet"/>.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">Not nine symbols of the alphabet.</exception>
    public static RmaNumber FromSymbols(ReadOnlySpan<char> dataSymbols)
    {
        if (dataSymbols.Length != DataSymbols || dataSymbols.ContainsAnyExcept(AlphabetSymbols))
        {
            throw new ArgumentException($"An RMA number has {DataSymbols} data symbols from '{Alphabet}'.", nameof(dataSymbols));
        }

        Span<char> all = stackalloc char[Symbols];
        dataSymbols.CopyTo(all);
        all[DataSymbols] = Alphabet[CheckValue(dataSymbols)];
        return new RmaNumber(Format(all));
    }

    /// <summary>Reads a number as a person typed it: any case, with or without the <c>RMA</c> prefix, hyphens or spaces; O is read as 0 and I or L as 1.</summary>
    /// <param name="s">The text.</param>
    /// <returns>The number.</returns>
    /// <exception cref="FormatException">Not an RMA number, or its check symbol does not match.</exception>
    public static RmaNumber Parse(ReadOnlySpan<char> s) =>
        TryParse(s, out var rma) ? rma : throw new FormatException($"'{s}' is not an RMA number (RMA-XXXXX-XXXXX with a valid check symbol).");

    /// <inheritdoc cref="Parse(ReadOnlySpan{char})"/>
    public static RmaNumber Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <inheritdoc/>
    static RmaNumber ISpanParsable<RmaNumber>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static RmaNumber IParsable<RmaNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    /// <inheritdoc/>
    static bool ISpanParsable<RmaNumber>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out RmaNumber result) => TryParse(s, out result);

    /// <inheritdoc/>
    static bool IParsable<RmaNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out RmaNumber result) => TryParse(s, out result);

    /// <summary>Tries to read a number as a person typed it.</summary>
    /// <param name="s">The text.</param>
    /// <param name="result">The number, when valid.</param>
    /// <returns>True when <paramref name="s"/> is a number with a valid check symbol.</returns>
    public static bool TryParse(ReadOnlySpan<char> s, out RmaNumber result)
    {
        result = default;
        s = s.Trim();
        if (s.Length >= 3 && s[..3].Equals("RMA", StringComparison.OrdinalIgnoreCase))
        {
            s = s[3..];
        }

        Span<char> symbols = stackalloc char[Symbols];
        var count = 0;
        foreach (var raw in s)
        {
            if (raw is '-' or ' ')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };
            if (count == Symbols || Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return false;
            }

            symbols[count++] = c;
        }

        if (count != Symbols || Alphabet[CheckValue(symbols[..DataSymbols])] != symbols[DataSymbols])
        {
            return false;
        }

        result = new RmaNumber(Format(symbols));
        return true;
    }

    /// <inheritdoc cref="TryParse(ReadOnlySpan{char}, out RmaNumber)"/>
    public static bool TryParse([NotNullWhen(true)] string? s, out RmaNumber result)
    {
        result = default;
        return s is not null && TryParse(s.AsSpan(), out result);
    }

    /// <summary>The canonical form.</summary>
    /// <returns>The canonical form, or an empty string for the default value.</returns>
    public override string ToString() => _value ?? string.Empty;

    // Damm's scheme over GF(32): interim = α·interim ⊕ symbol, with α a root of x⁵ + x² + 1. The operation is a totally
    // anti-symmetric quasigroup, so every single wrong symbol and every swap of two different neighbours (the check
    // symbol included) leaves a non-zero remainder; Luhn mod 32 would miss a swap of 0 and Z.
    private static int CheckValue(ReadOnlySpan<char> dataSymbols)
    {
        var interim = 0;
        foreach (var symbol in dataSymbols)
        {
            interim = TimesAlpha(interim) ^ Alphabet.IndexOf(symbol, StringComparison.Ordinal);
        }

        return TimesAlpha(interim);
    }

    private static int TimesAlpha(int value)
    {
        value <<= 1;
        return (value & 0b100000) != 0 ? value ^ 0b100101 : value;
    }

    private static string Format(ReadOnlySpan<char> symbols) =>
        string.Concat(Prefix, symbols[..5], "-", symbols[5..]);
}
