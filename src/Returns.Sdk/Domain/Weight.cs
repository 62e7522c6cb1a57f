using System.Globalization;

namespace Returns.Sdk;

/// <summary>A non-negative mass, held in grams.</summary>
public readonly struct Weight : IEquatable<Weight>, IComparable<Weight>
{
    /// <summary>The heaviest single item or parcel the SDK accepts (1 tonne); anything above is a data error.</summary>
    public const decimal MaxKilograms = 1000m;

    private Weight(decimal grams) => Grams = grams;

    /// <summary>No weight.</summary>
    public static Weight Zero => default;

    /// <summary>The mass in grams.</summary>
    public decimal Grams { get; }

    /// <summary>The mass in kilograms.</summary>
    public decimal Kilograms => Grams / 1000m;

    /// <summary>Creates a weight from kilograms.</summary>
    /// <param name="kilograms">Zero up to <see cref="MaxKilograms"/>.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above <see cref="MaxKilograms"/>.</exception>
    public static Weight FromKilograms(decimal kilograms) =>
        kilograms is >= 0m and <= MaxKilograms
            ? new Weight(kilograms * 1000m)
            : throw new ArgumentOutOfRangeException(nameof(kilograms), kilograms, $"A weight must be between 0 and {MaxKilograms} kg; got {kilograms} kg.");

    /// <summary>Creates a weight from grams.</summary>
    /// <param name="grams">Zero up to 1,000,000.</param>
    /// <returns>The weight.</returns>
    /// <exception cref="ArgumentOutOfRangeException">Negative or above one tonne.</exception>
    public static Weight FromGrams(decimal grams)
    {
        if (grams < 0m || grams > MaxKilograms * 1000m)
        {
            throw new ArgumentOutOfRangeException(nameof(grams), grams, $"A weight must be between 0 and {MaxKilograms} kg; got {grams} g.");
        }

        return new Weight(grams);
    }

    /// <summary>Adds two weights.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>The sum.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The sum is above one tonne.</exception>
    public static Weight operator +(Weight left, Weight right) => FromGrams(left.Grams + right.Grams);

    /// <summary>Multiplies a weight by a count.</summary>
    /// <param name="left">The weight.</param>
    /// <param name="count">How many.</param>
    /// <returns>The product.</returns>
    public static Weight operator *(Weight left, int count) => FromGrams(left.Grams * count);

    /// <summary>Compares two weights.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>True when <paramref name="left"/> is lighter.</returns>
    public static bool operator <(Weight left, Weight right) => left.Grams < right.Grams;

    /// <summary>Compares two weights.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>True when <paramref name="left"/> is heavier.</returns>
    public static bool operator >(Weight left, Weight right) => left.Grams > right.Grams;

    /// <summary>Compares two weights.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>True when <paramref name="left"/> is lighter or equal.</returns>
    public static bool operator <=(Weight left, Weight right) => left.Grams <= right.Grams;

    /// <summary>Compares two weights.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>True when <paramref name="left"/> is heavier or equal.</returns>
    public static bool operator >=(Weight left, Weight right) => left.Grams >= right.Grams;

    /// <summary>Equality.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(Weight left, Weight right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    /// <param name="left">The first weight.</param>
    /// <param name="right">The second weight.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(Weight left, Weight right) => !left.Equals(right);

    /// <inheritdoc />
    public int CompareTo(Weight other) => Grams.CompareTo(other.Grams);

    /// <inheritdoc />
    public bool Equals(Weight other) => Grams == other.Grams;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Weight other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Grams.GetHashCode();

    /// <summary>Formats as kilograms, e.g. <c>1.25 kg</c>.</summary>
    /// <returns>The formatted weight.</returns>
    public override string ToString() => Kilograms.ToString("0.###", CultureInfo.InvariantCulture) + " kg";
}
