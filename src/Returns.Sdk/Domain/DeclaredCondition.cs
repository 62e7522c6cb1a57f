namespace Returns.Sdk;

/// <summary>The state of the original packaging.</summary>
public enum PackagingState
{
    /// <summary>Unopened, seal intact.</summary>
    Sealed,

    /// <summary>Opened, packaging present.</summary>
    Opened,

    /// <summary>Packaging missing.</summary>
    Missing,
}

/// <summary>How much an item shows signs of use.</summary>
public enum UsageLevel
{
    /// <summary>No sign of use.</summary>
    None,

    /// <summary>Tried on or briefly used; light marks.</summary>
    Light,

    /// <summary>Clearly used or worn.</summary>
    Heavy,
}

/// <summary>What the customer declares about an item's condition before sending it back.</summary>
public sealed record DeclaredCondition
{
    /// <summary>The longest defect description accepted.</summary>
    public const int MaxDefectDescriptionLength = 2000;

    /// <summary>Creates a declaration.</summary>
    /// <param name="packaging">The state of the packaging.</param>
    /// <param name="signsOfUse">How much the item shows use.</param>
    /// <exception cref="ArgumentOutOfRangeException">An enum value is undefined.</exception>
    public DeclaredCondition(PackagingState packaging, UsageLevel signsOfUse)
    {
        if (!Enum.IsDefined(packaging))
        {
            throw new ArgumentOutOfRangeException(nameof(packaging), packaging, "Unknown packaging state.");
        }

        if (!Enum.IsDefined(signsOfUse))
        {
            throw new ArgumentOutOfRangeException(nameof(signsOfUse), signsOfUse, "Unknown usage level.");
        }

        Packaging = packaging;
        SignsOfUse = signsOfUse;
    }

    /// <summary>The state of the packaging.</summary>
    public PackagingState Packaging { get; }

    /// <summary>How much the item shows use.</summary>
    public UsageLevel SignsOfUse { get; }

    /// <summary>Whether the tags are still attached; <see langword="null"/> for products without tags.</summary>
    public bool? TagsAttached { get; init; }

    /// <summary>The customer's description of a defect, if any.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Longer than <see cref="MaxDefectDescriptionLength"/>.</exception>
    public string? DefectDescription
    {
        get;
        init
        {
            var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (trimmed is { Length: > MaxDefectDescriptionLength })
            {
                throw new ArgumentOutOfRangeException(nameof(DefectDescription), trimmed.Length, $"A defect description is at most {MaxDefectDescriptionLength} characters.");
            }

            field = trimmed;
        }
    }

    /// <summary>How many photos the customer attached.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative.</exception>
    public int PhotoCount
    {
        get;
        init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(PhotoCount), value, "Photo count must not be negative.");
    }
}
