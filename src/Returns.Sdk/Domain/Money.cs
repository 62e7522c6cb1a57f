using System.Globalization;

namespace Returns.Sdk;

/// <summary>
/// An amount of money in one currency. Amounts in different currencies never mix without an explicit rate.
/// </summary>
public readonly struct Money : IEquatable<Money>, IComparable<Money>, IFormattable
{
    /// <summary>Creates an amount in a currency.</summary>
    /// <param name="amount">The amount; may be negative (a balance owed) and may carry more decimals than the currency until rounded.</param>
    /// <param name="currency">The currency.</param>
    /// <exception cref="ArgumentException">The currency is <c>default</c>.</exception>
    public Money(decimal amount, Currency currency)
    {
        if (currency.IsDefault)
        {
            throw new ArgumentException("Money needs a currency; default(Currency) is not one.", nameof(currency));
        }

        Amount = amount;
        Currency = currency;
    }

    /// <summary>The amount.</summary>
    public decimal Amount { get; }

    /// <summary>The currency.</summary>
    public Currency Currency { get; }

    /// <summary>True when the amount is zero.</summary>
    public bool IsZero => Amount == 0m;

    /// <summary>True when the amount is below zero.</summary>
    public bool IsNegative => Amount < 0m;

    /// <summary>Zero in a currency.</summary>
    /// <param name="currency">The currency.</param>
    /// <returns>A zero amount.</returns>
    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Creates an amount from a decimal and an ISO 4217 code.</summary>
    /// <param name="amount">The amount.</param>
    /// <param name="currencyCode">The currency code, e.g. <c>EUR</c>.</param>
    /// <returns>The amount.</returns>
    public static Money Of(decimal amount, string currencyCode) => new(amount, Currency.FromCode(currencyCode));

    /// <summary>Rounds to the currency's minor units, half away from zero.</summary>
    /// <returns>The rounded amount.</returns>
    public Money Round() => new(Currency.Round(Amount), Currency);

    /// <summary>Multiplies by a factor (a quantity or a rate) without rounding.</summary>
    /// <param name="factor">The factor.</param>
    /// <returns>The product.</returns>
    public Money Multiply(decimal factor) => new(Amount * factor, Currency);

    /// <summary>Returns the larger of two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The larger amount.</returns>
    public static Money Max(Money left, Money right) => left.CompareTo(right) >= 0 ? left : right;

    /// <summary>Returns the smaller of two amounts in one currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The smaller amount.</returns>
    public static Money Min(Money left, Money right) => left.CompareTo(right) <= 0 ? left : right;

    /// <summary>Adds two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator +(Money left, Money right) => new(left.Amount + right.SameCurrencyAs(left, "add").Amount, left.Currency);

    /// <summary>Subtracts two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The amount to subtract.</param>
    /// <returns>The difference.</returns>
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public static Money operator -(Money left, Money right) => new(left.Amount - right.SameCurrencyAs(left, "subtract").Amount, left.Currency);

    /// <summary>Negates an amount.</summary>
    /// <param name="value">The amount.</param>
    /// <returns>The negated amount.</returns>
    public static Money operator -(Money value) => new(-value.Amount, value.Currency);

    /// <summary>Multiplies an amount by a factor.</summary>
    /// <param name="left">The amount.</param>
    /// <param name="factor">The factor.</param>
    /// <returns>The product.</returns>
    public static Money operator *(Money left, decimal factor) => left.Multiply(factor);

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when <paramref name="left"/> is smaller.</returns>
    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when <paramref name="left"/> is larger.</returns>
    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when <paramref name="left"/> is smaller or equal.</returns>
    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two amounts in the same currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when <paramref name="left"/> is larger or equal.</returns>
    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    /// <summary>Equality of amount and currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Money left, Money right) => left.Equals(right);

    /// <summary>Inequality of amount or currency.</summary>
    /// <param name="left">The first amount.</param>
    /// <param name="right">The second amount.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Money left, Money right) => !left.Equals(right);

    /// <inheritdoc />
    /// <exception cref="CurrencyMismatchException">The currencies differ.</exception>
    public int CompareTo(Money other) => Amount.CompareTo(other.SameCurrencyAs(this, "compare").Amount);

    /// <summary>Equal when amount and currency are equal; 1.50 EUR equals 1.5 EUR.</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(Money other) => Amount == other.Amount && Currency == other.Currency;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Money other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Amount, Currency);

    /// <summary>Formats as <c>12.30 EUR</c> with the currency's minor units, invariant culture.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        var number = Amount.ToString(format ?? "F" + Currency.MinorUnits.ToString(CultureInfo.InvariantCulture), formatProvider ?? CultureInfo.InvariantCulture);
        return $"{number} {Currency.Code}";
    }

    private Money SameCurrencyAs(Money other, string operation)
    {
        if (Currency != other.Currency)
        {
            throw new CurrencyMismatchException(
                other.Currency,
                Currency,
                $"Cannot {operation} {other} and {this}: amounts in different currencies need an explicit exchange rate.");
        }

        return this;
    }
}
