using System.Collections.ObjectModel;

namespace Returns.Sdk.Grading.Internal;

// Every declaration falls into one of a finite number of classes: packaging (3) x signs of use (3) x tags (3) x
// defect described (2) x hygiene product (2) x reason fault (3) x photo-count band (the bands a category's rules
// distinguish). The compiler decides every class once, when the rules load, so grading a line is an index
// computation and one array read; the same enumeration proves rules reachable and the default exhaustive.
internal static class DeclarationSpace
{
    public const int Packagings = 3;
    public const int Usages = 3;
    public const int TagStates = 3;
    public const int Faults = 3;
    public const int ClassesPerBand = Packagings * Usages * TagStates * 2 * 2 * Faults;

    // Tag states as the rules see them: products of an untagged category are always "unknown".
    public const int TagsAttached = 0;
    public const int TagsRemoved = 1;
    public const int TagsUnknown = 2;

    public static int Index(int packaging, int usage, int tags, int defect, int hygiene, int fault, int band) =>
        (((((((band * Faults) + fault) * 2 + hygiene) * 2 + defect) * TagStates + tags) * Usages + usage) * Packagings) + packaging;

    public static int TagState(bool? attached) => attached switch
    {
        true => TagsAttached,
        false => TagsRemoved,
        null => TagsUnknown,
    };
}

// The conditions of one rule as bit masks (bit i set = value i matches); a field left out sets every bit.
internal sealed class RuleConditions
{
    public const int AllThree = 0b111;
    public const int Both = 0b11;

    public int Packaging { get; init; } = AllThree;

    public int Usage { get; init; } = AllThree;

    public int Tags { get; init; } = AllThree;

    public int Defect { get; init; } = Both;

    public int Hygiene { get; init; } = Both;

    public int Faults { get; init; } = AllThree;

    public int MinPhotos { get; init; }

    public int MaxPhotos { get; init; } = int.MaxValue;

    public bool TagsStated { get; init; }

    public bool Matches(int packaging, int usage, int tags, int defect, int hygiene, int fault, int photos) =>
        (Packaging & (1 << packaging)) != 0
        && (Usage & (1 << usage)) != 0
        && (Tags & (1 << tags)) != 0
        && (Defect & (1 << defect)) != 0
        && (Hygiene & (1 << hygiene)) != 0
        && (Faults & (1 << fault)) != 0
        && photos >= MinPhotos
        && photos <= MaxPhotos;
}

internal sealed class CompiledRule(GradingRule info, RuleConditions when)
{
    public GradingRule Info { get; } = info;

    public RuleConditions When { get; } = when;

    // Set once the rule's place (own category or default) is known.
    public GradingOutcome Inspected { get; set; } = null!;
}

// One decided class: the rule, the confidence after the thin-declaration factors and the reason codes. Shared by every
// assessment of that class, so grading allocates only the small assessment itself.
internal sealed class GradingOutcome(CompiledRule compiled, double confidence, GradingReasons reasons)
{
    private string? _explanation;

    public CompiledRule Compiled { get; } = compiled;

    public GradingRule Rule => Compiled.Info;

    public double Confidence { get; } = confidence;

    public GradingReasons Reasons { get; } = reasons;

    // Composed on first read and kept: the race is benign, both threads compose the same text.
    public string Explanation => _explanation ??= GradingMessages.Describe(this);
}

internal sealed class CompiledCategory
{
    public required string Name { get; init; }

    public required bool IsDefault { get; init; }

    public required bool Tagged { get; init; }

    // Ascending photo counts at which a new band starts; always begins with 1, so band 0 means "no photo".
    public required int[] PhotoBands { get; init; }

    public required GradingOutcome[] Table { get; init; }

    public required ReadOnlyCollection<Disposition>[] Dispositions { get; init; }

    public required RefundConsequence[] DiscrepancyRefunds { get; init; }

    public GradingOutcome Decide(DeclaredCondition condition, bool hygiene, ReturnFault fault, bool extraDefect)
    {
        var photos = condition.PhotoCount;
        var band = 0;
        var bands = PhotoBands;
        while (band < bands.Length && photos >= bands[band])
        {
            band++;
        }

        var tags = Tagged ? DeclarationSpace.TagState(condition.TagsAttached) : DeclarationSpace.TagsUnknown;
        var defect = extraDefect || condition.DefectDescription is not null ? 1 : 0;
        return Table[DeclarationSpace.Index((int)condition.Packaging, (int)condition.SignsOfUse, tags, defect, hygiene ? 1 : 0, (int)fault, band)];
    }
}
