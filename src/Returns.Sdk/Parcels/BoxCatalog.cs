using System.Collections.Frozen;
using Returns.Sdk.Parcels.Internal;

namespace Returns.Sdk.Parcels;

/// <summary>
/// The boxes a retailer asks customers to send returns in, and the unit sizes to assume for products whose own
/// size or weight is missing. Immutable and safe to share.
/// </summary>
public sealed class BoxCatalog
{
    private readonly ShippingBox[] _boxes;
    private readonly FrozenDictionary<string, ItemSizeDefaults> _categoryDefaults;

    /// <summary>Creates a catalog.</summary>
    /// <param name="boxes">At least one box; ids unique, compared case-insensitively.</param>
    /// <param name="categoryDefaults">Unit sizes by product category, compared case-insensitively.</param>
    /// <param name="fallback">The unit size for products of any other category.</param>
    /// <exception cref="ArgumentException">No boxes, a null box, a repeated box id, or a blank or repeated category.</exception>
    public BoxCatalog(IEnumerable<ShippingBox> boxes, IReadOnlyDictionary<string, ItemSizeDefaults>? categoryDefaults = null, ItemSizeDefaults? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        var list = new List<ShippingBox>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var box in boxes)
        {
            if (box is null)
            {
                throw new ArgumentException($"Box {list.Count} is null.", nameof(boxes));
            }

            if (!ids.Add(box.Id))
            {
                throw new ArgumentException($"Box id '{box.Id}' is used twice (ids are compared case-insensitively).", nameof(boxes));
            }

            list.Add(box);
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("A box catalog needs at least one box.", nameof(boxes));
        }

        list.Sort(SmallestFirst);
        _boxes = [.. list];
        Boxes = Array.AsReadOnly(_boxes);
        Geometry = [.. _boxes.Select(BoxGeometry.Of)];

        var defaults = new Dictionary<string, ItemSizeDefaults>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, size) in categoryDefaults ?? FrozenDictionary<string, ItemSizeDefaults>.Empty)
        {
            if (string.IsNullOrWhiteSpace(category))
            {
                throw new ArgumentException("A category default needs a category name.", nameof(categoryDefaults));
            }

            if (size is null)
            {
                throw new ArgumentException($"The default for category '{category}' is null.", nameof(categoryDefaults));
            }

            if (!defaults.TryAdd(category.Trim(), size))
            {
                throw new ArgumentException($"Category '{category.Trim()}' has two defaults (categories are compared case-insensitively).", nameof(categoryDefaults));
            }
        }

        _categoryDefaults = defaults.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Fallback = fallback;
    }

    /// <summary>The boxes, smallest first: by inner volume, then tare, then id.</summary>
    public IReadOnlyList<ShippingBox> Boxes { get; }

    /// <summary>Unit sizes by product category.</summary>
    public IReadOnlyDictionary<string, ItemSizeDefaults> CategoryDefaults => _categoryDefaults;

    /// <summary>The unit size for products of a category without its own default; <see langword="null"/> for none.</summary>
    public ItemSizeDefaults? Fallback { get; }

    /// <summary>The boxes on the packing grid, in the order of <see cref="Boxes"/>.</summary>
    internal BoxGeometry[] Geometry { get; }

    /// <summary>Builds a catalog from configuration.</summary>
    /// <param name="options">The parcel sizing options.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ReturnsValidationException">The options are invalid; every mistake is listed with its path, e.g. <c>Boxes[2].WidthCm</c>.</exception>
    public static BoxCatalog FromOptions(ParcelSizingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = ParcelSizingOptionsRules.Check(options);
        if (errors.Count > 0)
        {
            throw new ReturnsValidationException(errors);
        }

        return ParcelSizingOptionsRules.ToCatalog(options);
    }

    /// <summary>The unit size to assume for a product of <paramref name="category"/>.</summary>
    /// <param name="category">The product category, compared case-insensitively.</param>
    /// <returns>The category's default, else <see cref="Fallback"/>, else <see langword="null"/>.</returns>
    public ItemSizeDefaults? DefaultsFor(string category) => DefaultsFor(category, out _);

    internal ItemSizeDefaults? DefaultsFor(string category, out bool fromCategory)
    {
        ArgumentNullException.ThrowIfNull(category);
        fromCategory = _categoryDefaults.TryGetValue(category.Trim(), out var size);
        return fromCategory ? size : Fallback;
    }

    private static int SmallestFirst(ShippingBox left, ShippingBox right)
    {
        var byVolume = left.Inner.VolumeCubicCm.CompareTo(right.Inner.VolumeCubicCm);
        if (byVolume != 0)
        {
            return byVolume;
        }

        var byTare = left.Tare.CompareTo(right.Tare);
        return byTare != 0 ? byTare : string.CompareOrdinal(left.Id, right.Id);
    }
}
