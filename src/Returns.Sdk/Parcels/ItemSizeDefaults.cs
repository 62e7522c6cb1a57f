namespace Returns.Sdk.Parcels;

/// <summary>The size and weight of one unit, used for products whose own data is missing.</summary>
/// <param name="Dimensions">The outer size of one unit.</param>
/// <param name="Weight">What one unit weighs; above zero.</param>
public sealed record ItemSizeDefaults(Dimensions Dimensions, Weight Weight)
{
    /// <summary>The outer size of one unit.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The dimensions are the empty <see langword="default"/>.</exception>
    public Dimensions Dimensions
    {
        get;
        init => field = NotEmpty(value, nameof(Dimensions));
    } = NotEmpty(Dimensions, nameof(Dimensions));

    /// <summary>What one unit weighs; above zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The weight is zero.</exception>
    public Weight Weight
    {
        get;
        init => field = Positive(value, nameof(Weight));
    } = Positive(Weight, nameof(Weight));

    private static Dimensions NotEmpty(Dimensions dimensions, string paramName) =>
        dimensions.Shortest > 0m
            ? dimensions
            : throw new ArgumentOutOfRangeException(paramName, dimensions, "Default unit dimensions need three sides above zero.");

    private static Weight Positive(Weight weight, string paramName) =>
        weight > Weight.Zero
            ? weight
            : throw new ArgumentOutOfRangeException(paramName, weight, "A default unit weight must be above zero.");
}
