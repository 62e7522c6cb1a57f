namespace Returns.Sdk;

/// <summary>A parcel to be carried: what it weighs, how big it is, and what it holds that a carrier must know about.</summary>
public sealed record Parcel
{
    /// <summary>Creates a parcel.</summary>
    /// <param name="weight">The actual weight, packaging included; above zero.</param>
    /// <param name="dimensions">The outer size, when known.</param>
    /// <exception cref="ArgumentOutOfRangeException">The weight is zero.</exception>
    public Parcel(Weight weight, Dimensions? dimensions = null)
    {
        if (weight == Weight.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "A parcel weighs something; give its weight with packaging.");
        }

        Weight = weight;
        Dimensions = dimensions;
    }

    /// <summary>The actual weight, packaging included.</summary>
    public Weight Weight { get; }

    /// <summary>The outer size, when known.</summary>
    public Dimensions? Dimensions { get; }

    /// <summary>The declared value of the contents, for insurance and customs.</summary>
    public Money? DeclaredValue { get; init; }

    /// <summary>True when the parcel holds dangerous goods (batteries, aerosols).</summary>
    public bool ContainsHazardousGoods { get; init; }
}
