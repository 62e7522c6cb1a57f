using System.Globalization;
using System.Text;
using Returns.Sdk;

namespace Returns.Carriers.TableRate;

/// <summary>
/// The largest parcel a rate band accepts, in whole millimetres. Every limit is optional; a parcel fits when it
/// meets all limits that are set.
/// </summary>
/// <remarks>
/// The box limits (<see cref="MaxLengthMm"/>, <see cref="MaxWidthMm"/>, <see cref="MaxHeightMm"/>) are given all three
/// or not at all; a <see cref="RateCard"/> stores them longest first. They are compared after sorting: the parcel's longest side against the largest limit, its middle side
/// against the middle limit and its shortest side against the smallest, so a parcel fits in any axis-aligned rotation
/// and the order in which a tariff lists the limits does not matter. Girth is twice the sum of the two shorter sides.
/// </remarks>
public sealed record SizeLimits
{
    /// <summary>No size limit at all.</summary>
    public static SizeLimits None { get; } = new();

    /// <summary>The limit on the longest side, in mm.</summary>
    public int? MaxLengthMm { get; init; }

    /// <summary>The limit on the middle side, in mm.</summary>
    public int? MaxWidthMm { get; init; }

    /// <summary>The limit on the shortest side, in mm.</summary>
    public int? MaxHeightMm { get; init; }

    /// <summary>The limit on the girth (twice the sum of the two shorter sides), in mm.</summary>
    public int? MaxGirthMm { get; init; }

    /// <summary>The limit on the longest side plus the girth, in mm.</summary>
    public int? MaxLengthPlusGirthMm { get; init; }

    /// <summary>True when no limit is set.</summary>
    public bool IsUnlimited =>
        MaxLengthMm is null && MaxWidthMm is null && MaxHeightMm is null && MaxGirthMm is null && MaxLengthPlusGirthMm is null;

    /// <summary>Box limits: the three sides in mm, in any order; stored longest first.</summary>
    /// <param name="lengthMm">One side's limit.</param>
    /// <param name="widthMm">Another side's limit.</param>
    /// <param name="heightMm">The third side's limit.</param>
    /// <returns>The limits.</returns>
    public static SizeLimits Box(int lengthMm, int widthMm, int heightMm)
    {
        Sort3(ref lengthMm, ref widthMm, ref heightMm);
        return new() { MaxLengthMm = lengthMm, MaxWidthMm = widthMm, MaxHeightMm = heightMm };
    }

    /// <summary>Whether a parcel of these outer dimensions fits, in some axis-aligned rotation.</summary>
    /// <param name="dimensions">The parcel's outer size in cm.</param>
    /// <returns>True when every limit that is set is met.</returns>
    public bool Fits(Dimensions dimensions)
    {
        if (MaxLengthMm is { } a && MaxWidthMm is { } b && MaxHeightMm is { } c)
        {
            Sort3(ref a, ref b, ref c);
            if (dimensions.Longest * 10m > a || dimensions.Middle * 10m > b || dimensions.Shortest * 10m > c)
            {
                return false;
            }
        }

        if (MaxGirthMm is { } girth && dimensions.Girth * 10m > girth)
        {
            return false;
        }

        return MaxLengthPlusGirthMm is not { } lengthPlusGirth || dimensions.LengthPlusGirth * 10m <= lengthPlusGirth;
    }

    /// <summary>Formats as e.g. <c>380x265x32 mm</c>, <c>girth 3000 mm</c>, or <c>unlimited</c>.</summary>
    /// <returns>The formatted limits.</returns>
    public override string ToString()
    {
        if (IsUnlimited)
        {
            return "unlimited";
        }

        var text = new StringBuilder();
        if (MaxLengthMm is { } l && MaxWidthMm is { } w && MaxHeightMm is { } h)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l}x{w}x{h} mm");
        }

        if (MaxGirthMm is { } girth)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"girth {girth} mm");
        }

        if (MaxLengthPlusGirthMm is { } lengthPlusGirth)
        {
            text.Append(text.Length > 0 ? ", " : string.Empty).Append(CultureInfo.InvariantCulture, $"length+girth {lengthPlusGirth} mm");
        }

        return text.ToString();
    }

    /// <summary>The same limits with the box sides longest first (this instance when they already are).</summary>
    internal SizeLimits Normalized()
    {
        if (MaxLengthMm is not { } a || MaxWidthMm is not { } b || MaxHeightMm is not { } c || (a >= b && b >= c))
        {
            return this;
        }

        Sort3(ref a, ref b, ref c);
        return this with { MaxLengthMm = a, MaxWidthMm = b, MaxHeightMm = c };
    }

    /// <summary>Sorts three values descending.</summary>
    internal static void Sort3(ref int a, ref int b, ref int c)
    {
        // Descending: a >= b >= c.
        if (a < b)
        {
            (a, b) = (b, a);
        }

        if (b < c)
        {
            (b, c) = (c, b);
        }

        if (a < b)
        {
            (a, b) = (b, a);
        }
    }
}
