using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Returns.Sdk.Internal;

namespace Returns.Sdk;

/// <summary>
/// An ISO 4217 currency with its number of minor units (decimal places), the one place that says how amounts round.
/// </summary>
/// <remarks>
/// Amounts round to the currency's minor units with <see cref="MidpointRounding.AwayFromZero"/>
/// (commercial rounding: 0.005 EUR becomes 0.01 EUR). <c>default(Currency)</c> is not a currency;
/// <see cref="IsDefault"/> tells it apart.
/// </remarks>
public readonly struct Currency : IEquatable<Currency>, ISpanFormattable
{
    // Declared before the well-known instances below so that it is initialised first.
    private static readonly FrozenDictionary<string, Currency> ByCode = Iso4217.Codes.ToFrozenDictionary(
        code => code,
        code => new Currency(code, Iso4217.TryGetMinorUnits(code, out var minorUnits) ? minorUnits : 0),
        StringComparer.OrdinalIgnoreCase);

    private readonly string? _code;

    private Currency(string code, int minorUnits)
    {
        _code = code;
        MinorUnits = minorUnits;
    }

    /// <summary>The euro.</summary>
    public static Currency EUR { get; } = FromCode("EUR");

    /// <summary>The US dollar.</summary>
    public static Currency USD { get; } = FromCode("USD");

    /// <summary>The pound sterling.</summary>
    public static Currency GBP { get; } = FromCode("GBP");

    /// <summary>The three-letter ISO 4217 code, upper case.</summary>
    public string Code => _code ?? string.Empty;

    /// <summary>How many decimal places an amount in this currency has (2 for EUR, 0 for JPY, 3 for KWD).</summary>
    public int MinorUnits { get; }

    /// <summary>True for <c>default(Currency)</c>, which is no currency at all.</summary>
    public bool IsDefault => _code is null;

    /// <summary>Every active ISO 4217 currency code the SDK knows.</summary>
    public static IEnumerable<string> KnownCodes => Iso4217.Codes;

    /// <summary>Returns the currency for an ISO 4217 code.</summary>
    /// <param name="code">A three-letter code such as <c>EUR</c>; case-insensitive.</param>
    /// <returns>The currency.</returns>
    /// <exception cref="ArgumentException">The code is not an active ISO 4217 currency.</exception>
    public static Currency FromCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return TryFromCode(code, out var currency)
            ? currency
            : throw new ArgumentException($"'{code}' is not an active ISO 4217 currency code.", nameof(code));
    }

    /// <summary>Looks up a currency by its ISO 4217 code.</summary>
    /// <param name="code">A three-letter code; case-insensitive.</param>
    /// <param name="currency">The currency, when found.</param>
    /// <returns>True when the code is an active ISO 4217 currency.</returns>
    public static bool TryFromCode([NotNullWhen(true)] string? code, out Currency currency)
    {
        if (code is { Length: 3 } && ByCode.TryGetValue(code, out currency))
        {
            return true;
        }

        currency = default;
        return false;
    }

    /// <summary>Rounds an amount to this currency's minor units, half away from zero.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>The rounded amount.</returns>
    public decimal Round(decimal amount) => decimal.Round(amount, MinorUnits, MidpointRounding.AwayFromZero);

    /// <summary>True when the amount has no more decimal places than the currency allows.</summary>
    /// <param name="amount">The amount.</param>
    /// <returns>Whether the amount is exact in minor units.</returns>
    public bool IsWhole(decimal amount) => decimal.Round(amount, MinorUnits) == amount;

    /// <inheritdoc />
    public bool Equals(Currency other) => string.Equals(_code, other._code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Currency other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _code is null ? 0 : StringComparer.Ordinal.GetHashCode(_code);

    /// <summary>The ISO 4217 code.</summary>
    /// <returns>The code, or an empty string for <c>default(Currency)</c>.</returns>
    public override string ToString() => Code;

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => Code;

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (Code.AsSpan().TryCopyTo(destination))
        {
            charsWritten = Code.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    /// <summary>Compares two currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when both are the same currency.</returns>
    public static bool operator ==(Currency left, Currency right) => left.Equals(right);

    /// <summary>Compares two currencies by code.</summary>
    /// <param name="left">The first currency.</param>
    /// <param name="right">The second currency.</param>
    /// <returns>True when they differ.</returns>
    public static bool operator !=(Currency left, Currency right) => !left.Equals(right);
}
