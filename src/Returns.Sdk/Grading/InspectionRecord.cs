namespace Returns.Sdk.Grading;

/// <summary>Where an item was inspected.</summary>
public enum InspectionSite
{
    /// <summary>At a returns warehouse.</summary>
    Warehouse,

    /// <summary>At a store desk, when the customer hands the item in.</summary>
    Store,
}

/// <summary>
/// What an inspector found: the same answers a customer declares, plus facts only an inspection establishes
/// (missing parts, a different item) and the inspector's notes.
/// </summary>
public sealed record InspectionRecord
{
    /// <summary>The longest note accepted.</summary>
    public const int MaxNotesLength = 4000;

    /// <summary>Records an inspection.</summary>
    /// <param name="condition">The condition found, in the shape of a declaration; <see cref="DeclaredCondition.PhotoCount"/> counts the inspector's photos.</param>
    /// <param name="site">Where the inspection took place.</param>
    /// <param name="siteId">The warehouse or store id.</param>
    /// <exception cref="ArgumentException">The site id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The site is undefined.</exception>
    public InspectionRecord(DeclaredCondition condition, InspectionSite site, string siteId)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentException.ThrowIfNullOrWhiteSpace(siteId);
        if (!Enum.IsDefined(site))
        {
            throw new ArgumentOutOfRangeException(nameof(site), site, "Unknown inspection site.");
        }

        Condition = condition;
        Site = site;
        SiteId = siteId.Trim();
    }

    /// <summary>The condition found.</summary>
    public DeclaredCondition Condition { get; }

    /// <summary>Where the inspection took place.</summary>
    public InspectionSite Site { get; }

    /// <summary>The warehouse or store id.</summary>
    public string SiteId { get; }

    /// <summary>Parts or accessories are missing. Graded as a described defect, and a discrepancy unless the customer described a defect.</summary>
    public bool MissingParts { get; init; }

    /// <summary>
    /// A different item came back than the one sold for the line (swapped, counterfeit, another model). Graded X and
    /// rejected, whatever the reason's fault.
    /// </summary>
    public bool ItemSwapped { get; init; }

    /// <summary>The inspector's notes, trimmed; never used for grading.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Longer than <see cref="MaxNotesLength"/>.</exception>
    public string? Notes
    {
        get;
        init
        {
            var trimmed = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
            if (trimmed is { Length: > MaxNotesLength })
            {
                throw new ArgumentOutOfRangeException(nameof(Notes), trimmed.Length, $"Inspector notes are at most {MaxNotesLength} characters.");
            }

            field = trimmed;
        }
    }
}
