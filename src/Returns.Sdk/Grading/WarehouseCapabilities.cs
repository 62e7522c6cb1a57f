namespace Returns.Sdk.Grading;

/// <summary>The dispositions a warehouse (or store) can carry out itself.</summary>
public sealed record WarehouseCapabilities
{
    private readonly int _mask;

    /// <summary>Describes a warehouse.</summary>
    /// <param name="warehouseId">The warehouse's id, named in routing explanations.</param>
    /// <param name="dispositions">What it can do; duplicates are ignored.</param>
    /// <exception cref="ArgumentException">The id is blank.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A disposition is undefined.</exception>
    public WarehouseCapabilities(string warehouseId, IEnumerable<Disposition> dispositions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(warehouseId);
        ArgumentNullException.ThrowIfNull(dispositions);
        foreach (var disposition in dispositions)
        {
            if (!Enum.IsDefined(disposition))
            {
                throw new ArgumentOutOfRangeException(nameof(dispositions), disposition, "Unknown disposition.");
            }

            _mask |= 1 << (int)disposition;
        }

        WarehouseId = warehouseId.Trim();
    }

    /// <summary>The warehouse's id.</summary>
    public string WarehouseId { get; }

    /// <summary>What the warehouse can do, in enum order.</summary>
    public IReadOnlyList<Disposition> Dispositions => [.. Enum.GetValues<Disposition>().Where(CanPerform)];

    /// <summary>A warehouse that can carry out every disposition.</summary>
    /// <param name="warehouseId">The warehouse's id.</param>
    /// <returns>The capabilities.</returns>
    public static WarehouseCapabilities Everything(string warehouseId) => new(warehouseId, Enum.GetValues<Disposition>());

    /// <summary>Whether the warehouse can carry out a disposition.</summary>
    /// <param name="disposition">The disposition.</param>
    /// <returns>True when it can.</returns>
    public bool CanPerform(Disposition disposition) => (_mask & (1 << (int)disposition)) != 0;
}
