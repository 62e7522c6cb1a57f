using System.Globalization;
using System.Runtime.CompilerServices;

namespace Returns.Sdk.Parcels.Internal;

/// <summary>
/// Builds estimates with their plain-English explanations. Text is written into a stack buffer and numbers are
/// formatted by hand (the digits <see cref="Dimensions.ToString"/> and <see cref="Weight.ToString"/> give), because
/// the custom numeric formats cost more than the packing of a small return.
/// </summary>
internal static class ParcelExplanations
{
    private const int BufferChars = 512;

    public static ParcelEstimate Boxed(
        BoxCatalog catalog,
        int boxIndex,
        IReadOnlyList<ParcelItem> items,
        ReadOnlySpan<ResolvedItem> lines,
        in ItemTotals totals,
        BoxRejection previous,
        ReadOnlySpan<UnitPlacement> placements)
    {
        var box = catalog.Boxes[boxIndex];
        var weight = Weight.FromGrams(totals.Grams + box.Tare.Grams);
        var parcel = new Parcel(weight, box.Outer) { ContainsHazardousGoods = totals.Hazardous };
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[BufferChars]);
        text.AppendLiteral("Packed in box ");
        text.AppendFormatted(box.Id);
        text.AppendLiteral(" (");
        AppendDimensions(ref text, box.Inner);
        text.AppendLiteral(" inside), ");
        if (boxIndex == 0)
        {
            text.AppendLiteral(catalog.Boxes.Count == 1 ? "the only catalog box." : "the smallest catalog box.");
        }
        else
        {
            text.AppendLiteral("the smallest that takes ");
            AppendUnits(ref text, totals.Units);
            text.AppendLiteral(": ");
            AppendRejection(ref text, catalog.Boxes[previous.Box], items, lines, totals, previous);
            text.AppendLiteral(".");
        }

        text.AppendLiteral(" The parcel weighs ");
        AppendWeight(ref text, weight.Grams);
        if (box.Tare > Weight.Zero)
        {
            text.AppendLiteral(" including ");
            AppendWeight(ref text, box.Tare.Grams);
            text.AppendLiteral(" of packaging");
        }

        var skus = AppendDefaults(ref text, items, lines, totals);
        text.AppendLiteral(".");
        return new ParcelEstimate(parcel, box, ParcelFitCode.Boxed, skus, text.ToStringAndClear(), placements.ToArray());
    }

    public static ParcelEstimate NoFit(
        BoxCatalog catalog,
        IReadOnlyList<ParcelItem> items,
        ReadOnlySpan<ResolvedItem> lines,
        in ItemTotals totals,
        ParcelFitCode code,
        BoxRejection reason,
        Weight? heaviestLoad)
    {
        var weight = Weight.FromGrams(totals.Grams);
        var size = StackedSize(items, lines);
        var parcel = new Parcel(weight, size) { ContainsHazardousGoods = totals.Hazardous };
        var largest = catalog.Boxes[^1];
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[BufferChars]);
        text.AppendLiteral("No catalog box fits: ");
        switch (code)
        {
            case ParcelFitCode.TooManyUnits:
                text.AppendLiteral("the return has ");
                text.AppendFormatted(totals.Units);
                text.AppendLiteral(" units, more than the ");
                text.AppendFormatted(ParcelSizer.MaxUnits);
                text.AppendLiteral(" that parcel sizing packs.");
                break;
            case ParcelFitCode.TooHeavy:
                text.AppendLiteral("the items weigh ");
                AppendWeight(ref text, weight.Grams);
                if (heaviestLoad is { } load)
                {
                    text.AppendLiteral(", more than any box large enough for them takes (at most ");
                    AppendWeight(ref text, load.Grams);
                    text.AppendLiteral(").");
                }
                else
                {
                    text.AppendLiteral("; in a box large enough for them the parcel would weigh more than ");
                    text.AppendFormatted(Weight.MaxKilograms);
                    text.AppendLiteral(" kg.");
                }

                break;
            case ParcelFitCode.TooLarge when reason.Stage == RejectionStage.Sides && reason.Item >= 0:
                AppendItem(ref text, items, lines, reason.Item);
                text.AppendLiteral(" does not fit any box in any orientation (the largest, ");
                text.AppendFormatted(largest.Id);
                text.AppendLiteral(", is ");
                AppendDimensions(ref text, largest.Inner);
                text.AppendLiteral(" inside).");
                break;
            case ParcelFitCode.TooLarge when reason.Stage == RejectionStage.Sides:
                text.AppendLiteral("no box takes the size of every unit in any orientation.");
                break;
            case ParcelFitCode.TooLarge when reason.Stage == RejectionStage.Volume:
                text.AppendLiteral("the units take ");
                AppendNumber(ref text, Litres(items, lines), 2);
                text.AppendLiteral(" L, more than the largest box, ");
                text.AppendFormatted(largest.Id);
                text.AppendLiteral(", holds (");
                AppendNumber(ref text, largest.Inner.VolumeCubicCm / 1000m, 2);
                text.AppendLiteral(" L).");
                break;
            case ParcelFitCode.TooLarge when reason.Stage == RejectionStage.Pair:
                AppendPair(ref text, items, reason);
                text.AppendLiteral(" cannot lie side by side in any box that can carry them.");
                break;
            default:
                text.AppendLiteral("no arrangement of ");
                AppendUnits(ref text, totals.Units);
                text.AppendLiteral(" was found in any box that can carry them (the packing heuristic can miss very tight fits).");
                break;
        }

        text.AppendLiteral(" The parcel is estimated at ");
        if (size is { } stacked)
        {
            AppendDimensions(ref text, stacked);
            text.AppendLiteral(totals.Units == 1 ? " (the item's own size), weighing " : " with the units stacked on their smallest side, weighing ");
            AppendWeight(ref text, weight.Grams);
            text.AppendLiteral(" without packaging");
        }
        else
        {
            AppendWeight(ref text, weight.Grams);
            text.AppendLiteral(" without packaging; its size is unknown because the units stacked would stand over ");
            text.AppendFormatted(Dimensions.MaxSideCentimetres);
            text.AppendLiteral(" cm tall");
        }

        var skus = AppendDefaults(ref text, items, lines, totals);
        text.AppendLiteral(".");
        return new ParcelEstimate(parcel, null, code, skus, text.ToStringAndClear(), []);
    }

    /// <summary>Writes <paramref name="value"/> rounded half away from zero to at most <paramref name="decimals"/> (2 or 3) decimals, trailing zeros dropped.</summary>
    internal static void AppendNumber(ref DefaultInterpolatedStringHandler text, decimal value, int decimals)
    {
        var factor = decimals == 2 ? 100L : 1000L;
        var scaled = (long)decimal.Round(value * factor, MidpointRounding.AwayFromZero);
        text.AppendFormatted(scaled / factor);
        var fraction = scaled % factor;
        if (fraction == 0)
        {
            return;
        }

        var digits = decimals;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            digits--;
        }

        text.AppendLiteral(".");
        text.AppendFormatted(fraction, digits switch { 1 => "D1", 2 => "D2", _ => "D3" });
    }

    private static void AppendDimensions(ref DefaultInterpolatedStringHandler text, Dimensions size)
    {
        AppendNumber(ref text, size.LengthCm, 2);
        text.AppendLiteral(" x ");
        AppendNumber(ref text, size.WidthCm, 2);
        text.AppendLiteral(" x ");
        AppendNumber(ref text, size.HeightCm, 2);
        text.AppendLiteral(" cm");
    }

    private static void AppendWeight(ref DefaultInterpolatedStringHandler text, decimal grams)
    {
        AppendNumber(ref text, grams / 1000m, 3);
        text.AppendLiteral(" kg");
    }

    private static void AppendUnits(ref DefaultInterpolatedStringHandler text, long units)
    {
        if (units == 1)
        {
            text.AppendLiteral("the unit");
            return;
        }

        text.AppendLiteral("all ");
        text.AppendFormatted(units);
        text.AppendLiteral(" units");
    }

    private static void AppendItem(ref DefaultInterpolatedStringHandler text, IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines, int index)
    {
        text.AppendFormatted(items[index].Sku);
        text.AppendLiteral(" (");
        AppendDimensions(ref text, lines[index].Dimensions);
        text.AppendLiteral(")");
    }

    private static void AppendPair(ref DefaultInterpolatedStringHandler text, IReadOnlyList<ParcelItem> items, BoxRejection rejection)
    {
        if (rejection.Item == rejection.OtherItem)
        {
            text.AppendLiteral("two units of ");
            text.AppendFormatted(items[rejection.Item].Sku);
            return;
        }

        text.AppendFormatted(items[rejection.Item].Sku);
        text.AppendLiteral(" and ");
        text.AppendFormatted(items[rejection.OtherItem].Sku);
    }

    private static void AppendRejection(
        ref DefaultInterpolatedStringHandler text, ShippingBox box, IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines, in ItemTotals totals, BoxRejection previous)
    {
        switch (previous.Stage)
        {
            case RejectionStage.Sides:
                AppendItem(ref text, items, lines, previous.Item);
                text.AppendLiteral(" does not fit box ");
                text.AppendFormatted(box.Id);
                text.AppendLiteral(" in any orientation");
                break;
            case RejectionStage.Volume:
                text.AppendLiteral("the units take ");
                AppendNumber(ref text, Litres(items, lines), 2);
                text.AppendLiteral(" L and box ");
                text.AppendFormatted(box.Id);
                text.AppendLiteral(" holds ");
                AppendNumber(ref text, box.Inner.VolumeCubicCm / 1000m, 2);
                text.AppendLiteral(" L");
                break;
            case RejectionStage.Weight when box.MaxLoad is { } load:
                text.AppendLiteral("the items weigh ");
                AppendWeight(ref text, totals.Grams);
                text.AppendLiteral(", more than box ");
                text.AppendFormatted(box.Id);
                text.AppendLiteral("'s ");
                AppendWeight(ref text, load.Grams);
                text.AppendLiteral(" maximum load");
                break;
            case RejectionStage.Weight:
                text.AppendLiteral("in box ");
                text.AppendFormatted(box.Id);
                text.AppendLiteral(" the parcel would weigh more than ");
                text.AppendFormatted(Weight.MaxKilograms);
                text.AppendLiteral(" kg");
                break;
            case RejectionStage.Pair:
                AppendPair(ref text, items, previous);
                text.AppendLiteral(" cannot lie side by side in box ");
                text.AppendFormatted(box.Id);
                break;
            default:
                text.AppendLiteral("no arrangement of the units in box ");
                text.AppendFormatted(box.Id);
                text.AppendLiteral(" was found");
                break;
        }
    }

    // Appends "; defaults were used for ..." and returns the SKUs concerned, each once, in item order.
    private static string[] AppendDefaults(ref DefaultInterpolatedStringHandler text, IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines, in ItemTotals totals)
    {
        if (!totals.AnyDefault)
        {
            return [];
        }

        var skus = new List<string>();
        var firstLines = new List<int>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Defaults != DefaultUse.None && !skus.Contains(items[i].Sku))
            {
                skus.Add(items[i].Sku);
                firstLines.Add(i);
            }
        }

        text.AppendLiteral("; defaults were used for ");
        for (var n = 0; n < firstLines.Count; n++)
        {
            var i = firstLines[n];
            var use = lines[i].Defaults;
            text.AppendLiteral(n == 0 ? string.Empty : n == firstLines.Count - 1 ? " and " : ", ");
            text.AppendLiteral((use & (DefaultUse.Size | DefaultUse.Weight)) switch
            {
                DefaultUse.Size => "the size of ",
                DefaultUse.Weight => "the weight of ",
                _ => "the size and weight of ",
            });
            text.AppendFormatted(items[i].Sku);
            if ((use & DefaultUse.FromCategory) != 0)
            {
                text.AppendLiteral(" ('");
                text.AppendFormatted(items[i].Product.Category);
                text.AppendLiteral("' category)");
            }
            else
            {
                text.AppendLiteral(" (fallback)");
            }
        }

        return [.. skus];
    }

    private static decimal Litres(IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines)
    {
        var cubicCm = 0m;
        for (var i = 0; i < lines.Length; i++)
        {
            cubicCm += lines[i].Dimensions.VolumeCubicCm * items[i].Quantity;
        }

        return cubicCm / 1000m;
    }

    // Conservative: every unit lies flat on top of the others, in a footprint of the largest length and width.
    private static Dimensions? StackedSize(IReadOnlyList<ParcelItem> items, ReadOnlySpan<ResolvedItem> lines)
    {
        var (length, width, height) = (0m, 0m, 0m);
        for (var i = 0; i < lines.Length; i++)
        {
            var size = lines[i].Dimensions;
            length = Math.Max(length, size.Longest);
            width = Math.Max(width, size.Middle);
            height += size.Shortest * items[i].Quantity;
        }

        return height <= Dimensions.MaxSideCentimetres ? new Dimensions(length, width, height) : null;
    }
}
