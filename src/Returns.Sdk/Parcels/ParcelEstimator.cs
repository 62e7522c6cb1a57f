using Returns.Sdk.Parcels.Internal;

namespace Returns.Sdk.Parcels;

/// <summary>
/// Estimates the parcel a return will travel as: the smallest catalog box that holds every returned unit (rotated as
/// needed), its weight with packaging, and the box's outer size. Pure, deterministic and thread-safe; cheap enough
/// to run on every change a customer makes.
/// </summary>
/// <remarks>
/// Boxes are tried smallest first. A box is passed over when a unit is longer than it in every orientation, when the
/// units together take more room than it has, or when they weigh more than its maximum load; otherwise a packing
/// heuristic (extreme points, largest units first, all six rotations) looks for an arrangement. A box is chosen only
/// with an arrangement in hand, so the estimate never claims a fit that is impossible; the heuristic may miss a
/// rare very tight fit and then chooses a larger box.
/// </remarks>
public sealed class ParcelEstimator
{
    /// <summary>The most units one estimate packs; more is answered with <see cref="ParcelFitCode.TooManyUnits"/>.</summary>
    public const int MaxUnits = ParcelSizer.MaxUnits;

    /// <summary>
    /// Up to this many units, taking an item out of a return never makes the estimate choose a larger box (a box is
    /// taken only when every selection of the units packs too). Larger returns rely on the heuristic alone, which in
    /// rare tight cases may miss a packing for fewer items that it finds for more.
    /// </summary>
    public const int MonotonicUpToUnits = ParcelSizer.MaxUnitsKeptMonotonic;

    private readonly BoxCatalog _catalog;

    /// <summary>Creates an estimator over a box catalog.</summary>
    /// <param name="catalog">The boxes and unit-size defaults.</param>
    public ParcelEstimator(BoxCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
    }

    /// <summary>The boxes and unit-size defaults estimates use.</summary>
    public BoxCatalog Catalog => _catalog;

    /// <summary>Estimates the parcel for the returned items.</summary>
    /// <param name="items">At least one item.</param>
    /// <returns>The estimate; a result with <see cref="ParcelEstimate.Box"/> <see langword="null"/> when no catalog box fits.</returns>
    /// <exception cref="ArgumentException">No items, or a null item.</exception>
    /// <exception cref="ReturnsValidationException">
    /// An item lacks a size or weight and no default covers it (each error names the SKU and a path such as
    /// <c>items[1].product.dimensions</c>), or the items weigh more than <see cref="Weight.MaxKilograms"/> together.
    /// </exception>
    public ParcelEstimate Estimate(IReadOnlyList<ParcelItem> items) => ParcelSizer.Estimate(_catalog, items);
}
