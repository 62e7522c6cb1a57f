using System.Globalization;
using Returns.Sdk;
using Returns.Sdk.Serialization;

namespace Returns.Carriers.TableRate.Internal;

/// <summary>The value rules of a rate card, shared by <see cref="RateCard.Create"/> and the CSV reader.</summary>
internal static class RateCardRules
{
    /// <summary>The longest stated transit time accepted.</summary>
    internal const int MaxTransitDays = 365;

    /// <summary>The largest size limit accepted (100 m; the SDK's largest side is 10 m).</summary>
    internal const int MaxMillimetres = 100_000;

    /// <summary>The largest weight band bound accepted, in grams (the SDK's heaviest parcel).</summary>
    internal const decimal MaxGrams = Weight.MaxKilograms * 1000m;

    internal static string? CheckName(string? value, string column) =>
        string.IsNullOrWhiteSpace(value) ? $"{column} is empty; every row needs one." : null;

    internal static string? CheckMaxWeight(decimal grams) =>
        grams switch
        {
            <= 0m => string.Create(CultureInfo.InvariantCulture, $"the weight band's upper bound is {grams} g; it must be above 0 g."),
            > MaxGrams => string.Create(CultureInfo.InvariantCulture, $"the weight band's upper bound is {grams} g; the heaviest parcel is {MaxGrams} g (1 tonne)."),
            _ => null,
        };

    internal static string? CheckPrice(Money price)
    {
        if (price.Currency.IsDefault)
        {
            return "the price has no currency.";
        }

        if (price.IsNegative)
        {
            return string.Create(CultureInfo.InvariantCulture, $"negative price {price.Amount} {price.Currency.Code}; a price is 0 or more.");
        }

        return price.Currency.IsWhole(price.Amount)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the price {price.Amount} has more decimals than {price.Currency.Code} allows ({price.Currency.MinorUnits}).");
    }

    internal static string? CheckTransitDays(int? days) =>
        days is < 0 or > MaxTransitDays
            ? string.Create(CultureInfo.InvariantCulture, $"transit time {days} days; expected 0 to {MaxTransitDays} days.")
            : null;

    internal static string? CheckDivisor(decimal? divisor) =>
        divisor is < 0m
            ? string.Create(CultureInfo.InvariantCulture, $"dimensional-weight divisor {divisor}; expected cm³ per kg above 0 (e.g. 5000), or 0 or nothing for none.")
            : null;

    internal static string? CheckMethods(IReadOnlyList<ReturnMethod>? methods)
    {
        if (methods is null || methods.Count == 0)
        {
            return "a service needs at least one return method.";
        }

        for (var i = 0; i < methods.Count; i++)
        {
            if (!Enum.IsDefined(methods[i]))
            {
                return string.Create(CultureInfo.InvariantCulture, $"unknown return method {(int)methods[i]}.");
            }

            for (var j = 0; j < i; j++)
            {
                if (methods[j] == methods[i])
                {
                    return $"the return method {methods[i].ToName()} is listed twice.";
                }
            }
        }

        return null;
    }

    internal static string? CheckLimit(int? millimetres, string column) =>
        millimetres is <= 0 or > MaxMillimetres
            ? string.Create(CultureInfo.InvariantCulture, $"{column} is {millimetres} mm; expected 1 to {MaxMillimetres} mm.")
            : null;

    internal static string? CheckBox(SizeLimits size)
    {
        var given = (size.MaxLengthMm is null ? 0 : 1) + (size.MaxWidthMm is null ? 0 : 1) + (size.MaxHeightMm is null ? 0 : 1);
        return given is 0 or 3
            ? null
            : "give all three of max_length_mm, max_width_mm and max_height_mm, or none of them.";
    }

    /// <summary>True when two method lists hold the same methods, in any order.</summary>
    internal static bool SameMethods(IReadOnlyList<ReturnMethod> left, IReadOnlyList<ReturnMethod> right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left.Count != right.Count)
        {
            return false;
        }

        for (var i = 0; i < left.Count; i++)
        {
            var found = false;
            for (var j = 0; j < right.Count && !found; j++)
            {
                found = left[i] == right[j];
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    internal static string Names(IReadOnlyList<ReturnMethod> methods) => string.Join(';', methods.Select(m => m.ToName()));

    internal static string OnLine(int? line) =>
        line is { } l ? string.Create(CultureInfo.InvariantCulture, $"on line {l}") : "earlier";
}
