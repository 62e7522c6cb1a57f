using Returns.Sdk.Grading.Internal;

namespace Returns.Sdk.Grading;

/// <summary>How a routing decision came about.</summary>
public enum DispositionOutcome
{
    /// <summary>The warehouse can carry out the first preference for the grade.</summary>
    Preferred,

    /// <summary>The warehouse cannot carry out the first preference; a later one it can was chosen.</summary>
    Fallback,

    /// <summary>The warehouse can carry out none of the preferences; the item needs another site or a manual decision.</summary>
    NoRoute,
}

/// <summary>Where a graded item goes in one warehouse, explained; a value even when nothing fits.</summary>
public sealed record DispositionDecision
{
    internal DispositionDecision(ConditionGrade grade, string category, string warehouseId, IReadOnlyList<Disposition> preferences, int chosen)
    {
        Grade = grade;
        Category = category;
        WarehouseId = warehouseId;
        Preferences = preferences;
        Disposition = chosen >= 0 ? preferences[chosen] : null;
        Outcome = chosen switch
        {
            0 => DispositionOutcome.Preferred,
            > 0 => DispositionOutcome.Fallback,
            _ => DispositionOutcome.NoRoute,
        };
    }

    /// <summary>The grade routed.</summary>
    public ConditionGrade Grade { get; }

    /// <summary>The product category routed, as given.</summary>
    public string Category { get; }

    /// <summary>The warehouse asked.</summary>
    public string WarehouseId { get; }

    /// <summary>The disposition chosen; <see langword="null"/> when <see cref="Outcome"/> is <see cref="DispositionOutcome.NoRoute"/>.</summary>
    public Disposition? Disposition { get; }

    /// <summary>True when a disposition was chosen.</summary>
    public bool IsRouted => Disposition.HasValue;

    /// <summary>How the decision came about.</summary>
    public DispositionOutcome Outcome { get; }

    /// <summary>The rules' preferences for this grade and category, best first.</summary>
    public IReadOnlyList<Disposition> Preferences { get; }

    /// <summary>The explanation in English.</summary>
    public string Explanation => GradingMessages.Describe(this);
}
