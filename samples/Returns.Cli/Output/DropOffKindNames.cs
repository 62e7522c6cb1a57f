using Returns.Sdk.Carriers;

namespace Returns.Cli.Output;

/// <summary>The spellings of <see cref="DropOffKind"/> used by point files (the <c>kind</c> column) and by the CLI.</summary>
internal static class DropOffKindNames
{
    private static readonly (DropOffKind Kind, string Name)[] Names =
    [
        (DropOffKind.PostOffice, "post_office"),
        (DropOffKind.ParcelLocker, "parcel_locker"),
        (DropOffKind.PickupPoint, "pickup_point"),
        (DropOffKind.Store, "store"),
        (DropOffKind.Mailbox, "mailbox"),
    ];

    /// <summary>Every spelling, in the order help lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Names.Select(n => n.Name)];

    /// <summary>The file spelling of a kind, e.g. <c>parcel_locker</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Its name.</returns>
    public static string ToName(this DropOffKind kind)
    {
        foreach (var (known, name) in Names)
        {
            if (known == kind)
            {
                return name;
            }
        }

        return kind.ToString();
    }

    /// <summary>Parses a file spelling, exactly as point files write it.</summary>
    /// <param name="name">For example <c>parcel_locker</c>.</param>
    /// <param name="kind">The kind, when known.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParse(string? name, out DropOffKind kind)
    {
        foreach (var (known, spelling) in Names)
        {
            if (string.Equals(spelling, name, StringComparison.Ordinal))
            {
                kind = known;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
