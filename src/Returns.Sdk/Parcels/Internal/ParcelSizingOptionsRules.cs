using System.Globalization;
using Microsoft.Extensions.Options;

namespace Returns.Sdk.Parcels.Internal;

/// <summary>The checks on <see cref="ParcelSizingOptions"/>, shared by options validation and <see cref="BoxCatalog.FromOptions"/>.</summary>
internal static class ParcelSizingOptionsRules
{
    private const decimal MaxGrams = Weight.MaxKilograms * 1000m;

    public static List<ValidationError> Check(ParcelSizingOptions options)
    {
        var errors = new List<ValidationError>();
        if (options.Boxes.Count == 0)
        {
            errors.Add(new ValidationError(nameof(options.Boxes), "at least one box is required."));
        }

        var firstUse = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Boxes.Count; i++)
        {
            var path = $"{nameof(options.Boxes)}[{i}]";
            var box = options.Boxes[i];
            if (box is null)
            {
                errors.Add(new ValidationError(path, "must not be empty."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(box.Id))
            {
                errors.Add(new ValidationError($"{path}.{nameof(box.Id)}", "must not be blank."));
            }
            else if (!firstUse.TryAdd(box.Id.Trim(), i))
            {
                errors.Add(new ValidationError($"{path}.{nameof(box.Id)}", $"'{box.Id.Trim()}' is already the id of {nameof(options.Boxes)}[{firstUse[box.Id.Trim()]}] (ids are compared case-insensitively)."));
            }

            var innerValid = Side(errors, path, nameof(box.LengthCm), box.LengthCm)
                & Side(errors, path, nameof(box.WidthCm), box.WidthCm)
                & Side(errors, path, nameof(box.HeightCm), box.HeightCm);
            Grams(errors, $"{path}.{nameof(box.TareGrams)}", box.TareGrams, allowZero: true);
            if (box.MaxLoadKg is { } maxLoad && (maxLoad <= 0m || maxLoad > Weight.MaxKilograms))
            {
                errors.Add(new ValidationError($"{path}.{nameof(box.MaxLoadKg)}", maxLoad <= 0m
                    ? Invariant($"must be above zero, or left out for no limit (got {maxLoad}).")
                    : Invariant($"must be at most {Weight.MaxKilograms} kg (got {maxLoad}).")));
            }

            var outerCount = (box.OuterLengthCm.HasValue ? 1 : 0) + (box.OuterWidthCm.HasValue ? 1 : 0) + (box.OuterHeightCm.HasValue ? 1 : 0);
            if (outerCount is 1 or 2)
            {
                errors.Add(new ValidationError(path, "give all three of OuterLengthCm, OuterWidthCm and OuterHeightCm, or none of them (the outer size is then the inner size)."));
            }
            else if (outerCount == 3)
            {
                var outerValid = Side(errors, path, nameof(box.OuterLengthCm), box.OuterLengthCm!.Value)
                    & Side(errors, path, nameof(box.OuterWidthCm), box.OuterWidthCm!.Value)
                    & Side(errors, path, nameof(box.OuterHeightCm), box.OuterHeightCm!.Value);
                if (innerValid && outerValid && !Inner(box).FitsInside(Outer(box)))
                {
                    errors.Add(new ValidationError(path, $"the outer size {Outer(box)} cannot hold the inner size {Inner(box)}; outer sides are the inner sides plus the walls."));
                }
            }
        }

        var categories = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, size) in options.CategoryDefaults)
        {
            var path = $"{nameof(options.CategoryDefaults)}[{category}]";
            if (string.IsNullOrWhiteSpace(category))
            {
                errors.Add(new ValidationError(path, "a category default needs a category name."));
            }
            else if (!categories.Add(category.Trim()))
            {
                errors.Add(new ValidationError(path, $"category '{category.Trim()}' already has a default (categories are compared case-insensitively, ignoring surrounding spaces)."));
            }

            ItemSize(errors, path, size);
        }

        if (options.Fallback is { } fallback)
        {
            ItemSize(errors, nameof(options.Fallback), fallback);
        }

        return errors;
    }

    public static BoxCatalog ToCatalog(ParcelSizingOptions options)
    {
        var boxes = new List<ShippingBox>(options.Boxes.Count);
        foreach (var box in options.Boxes)
        {
            var outer = box.OuterLengthCm.HasValue ? Outer(box) : Inner(box);
            boxes.Add(new ShippingBox(box.Id!, Inner(box), Weight.FromGrams(box.TareGrams))
            {
                Outer = outer,
                MaxLoad = box.MaxLoadKg is { } load ? Weight.FromKilograms(load) : null,
            });
        }

        var defaults = new Dictionary<string, ItemSizeDefaults>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, size) in options.CategoryDefaults)
        {
            defaults.Add(category.Trim(), ToDefaults(size));
        }

        return new BoxCatalog(boxes, defaults, options.Fallback is { } fallback ? ToDefaults(fallback) : null);
    }

    public static ValidateOptionsResult Validate(ParcelSizingOptions options)
    {
        var errors = Check(options);
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => e.ToString()));
    }

    private static ItemSizeDefaults ToDefaults(ItemSizeOptions size) =>
        new(new Dimensions(size.LengthCm, size.WidthCm, size.HeightCm), Weight.FromGrams(size.WeightGrams));

    private static Dimensions Inner(ShippingBoxOptions box) => new(box.LengthCm, box.WidthCm, box.HeightCm);

    private static Dimensions Outer(ShippingBoxOptions box) => new(box.OuterLengthCm!.Value, box.OuterWidthCm!.Value, box.OuterHeightCm!.Value);

    private static void ItemSize(List<ValidationError> errors, string path, ItemSizeOptions? size)
    {
        if (size is null)
        {
            errors.Add(new ValidationError(path, "must not be empty."));
            return;
        }

        Side(errors, path, nameof(size.LengthCm), size.LengthCm);
        Side(errors, path, nameof(size.WidthCm), size.WidthCm);
        Side(errors, path, nameof(size.HeightCm), size.HeightCm);
        Grams(errors, $"{path}.{nameof(size.WeightGrams)}", size.WeightGrams, allowZero: false);
    }

    private static bool Side(List<ValidationError> errors, string path, string field, decimal value)
    {
        if (value <= 0m)
        {
            errors.Add(new ValidationError($"{path}.{field}", Invariant($"must be above zero (got {value}).")));
            return false;
        }

        if (value > Dimensions.MaxSideCentimetres)
        {
            errors.Add(new ValidationError($"{path}.{field}", Invariant($"must be at most {Dimensions.MaxSideCentimetres} cm (got {value}).")));
            return false;
        }

        return true;
    }

    private static void Grams(List<ValidationError> errors, string path, decimal value, bool allowZero)
    {
        if (value < 0m || (!allowZero && value == 0m))
        {
            errors.Add(new ValidationError(path, Invariant($"must be {(allowZero ? "zero or more" : "above zero")} (got {value}).")));
        }
        else if (value > MaxGrams)
        {
            errors.Add(new ValidationError(path, Invariant($"must be at most {MaxGrams} g (got {value}).")));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Checks parcel sizing options when the host starts, naming each bad field.</summary>
internal sealed class ParcelSizingOptionsValidator : IValidateOptions<ParcelSizingOptions>
{
    public ValidateOptionsResult Validate(string? name, ParcelSizingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return ParcelSizingOptionsRules.Validate(options);
    }
}
