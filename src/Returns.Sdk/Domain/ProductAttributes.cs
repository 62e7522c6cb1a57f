namespace Returns.Sdk;

/// <summary>What the policy, grading and parcel sizing need to know about a product.</summary>
public sealed record ProductAttributes
{
    /// <summary>Creates product attributes.</summary>
    /// <param name="category">The retailer's category key, e.g. <c>shoes</c>; compared case-insensitively.</param>
    /// <exception cref="ArgumentException">The category is blank.</exception>
    public ProductAttributes(string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        Category = category.Trim();
    }

    /// <summary>The retailer's category key.</summary>
    public string Category { get; }

    /// <summary>Sold as final sale (not returnable under the retailer's own terms).</summary>
    public bool FinalSale { get; init; }

    /// <summary>A hygiene product (underwear, cosmetics, earphones) that cannot come back once unsealed.</summary>
    public bool Hygiene { get; init; }

    /// <summary>Made to the customer's specification (engraved, custom size).</summary>
    public bool Personalised { get; init; }

    /// <summary>Dangerous goods (batteries, aerosols) that restrict how a parcel may travel.</summary>
    public bool Hazardous { get; init; }

    /// <summary>A gift card or voucher.</summary>
    public bool GiftCard { get; init; }

    /// <summary>Weight of one unit, when known.</summary>
    public Weight? Weight { get; init; }

    /// <summary>Outer size of one unit, when known.</summary>
    public Dimensions? Dimensions { get; init; }
}
