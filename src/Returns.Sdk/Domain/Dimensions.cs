using System.Globalization;

namespace Returns.Sdk;

/// <summary>
/// The outer size of an item or parcel in centimetres. The three sides are kept as given;
/// <see cref="Longest"/>, <see cref="Girth"/> and friends look at them sorted, as carriers do.
/// </summary>
public readonly record struct Dimensions
{
    /// <summary>The longest side the SDK accepts (10 m); anything above is a data error.</summary>
    public const decimal MaxSideCentimetres = 1000m;

    /// <summary>Creates dimensions.</summary>
    /// <param name="lengthCm">Length in cm, above zero.</param>
    /// <param name="widthCm">Width in cm, above zero.</param>
    /// <param name="heightCm">Height in cm, above zero.</param>
    /// <exception cref="ArgumentOutOfRangeException">A side is zero, negative or above <see cref="MaxSideCentimetres"/>.</exception>
    public Dimensions(decimal lengthCm, decimal widthCm, decimal heightCm)
    {
        LengthCm = Side(lengthCm, nameof(lengthCm));
        WidthCm = Side(widthCm, nameof(widthCm));
        HeightCm = Side(heightCm, nameof(heightCm));
    }

    /// <summary>Length in centimetres.</summary>
    public decimal LengthCm { get; }

    /// <summary>Width in centimetres.</summary>
    public decimal WidthCm { get; }

    /// <summary>Height in centimetres.</summary>
    public decimal HeightCm { get; }

    /// <summary>The longest side.</summary>
    public decimal Longest => Math.Max(LengthCm, Math.Max(WidthCm, HeightCm));

    /// <summary>The shortest side.</summary>
    public decimal Shortest => Math.Min(LengthCm, Math.Min(WidthCm, HeightCm));

    /// <summary>The middle side.</summary>
    public decimal Middle => LengthCm + WidthCm + HeightCm - Longest - Shortest;

    /// <summary>Girth: twice the sum of the two shorter sides.</summary>
    public decimal Girth => 2m * (Middle + Shortest);

    /// <summary>Longest side plus girth, the figure most carriers limit.</summary>
    public decimal LengthPlusGirth => Longest + Girth;

    /// <summary>Volume in cubic centimetres.</summary>
    public decimal VolumeCubicCm => LengthCm * WidthCm * HeightCm;

    /// <summary>True when these dimensions fit inside <paramref name="container"/> in some axis-aligned rotation.</summary>
    /// <param name="container">The inner size of the box.</param>
    /// <returns>Whether it fits.</returns>
    public bool FitsInside(Dimensions container) =>
        Longest <= container.Longest && Middle <= container.Middle && Shortest <= container.Shortest;

    /// <summary>Formats as <c>30 x 20 x 10 cm</c>.</summary>
    /// <returns>The formatted dimensions.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{LengthCm:0.##} x {WidthCm:0.##} x {HeightCm:0.##} cm");

    private static decimal Side(decimal value, string name) =>
        value > 0m && value <= MaxSideCentimetres
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"A side must be above 0 and at most {MaxSideCentimetres} cm; got {value} cm.");
}
