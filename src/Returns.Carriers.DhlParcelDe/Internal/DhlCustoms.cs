using Returns.Sdk.Carriers;

namespace Returns.Carriers.DhlParcelDe.Internal;

// Builds the CN23 declaration (customsDetails) that DHL Retoure International needs for a return from outside the EU,
// from ShipmentRequest.Items. DHL requires per item a description, the packaged quantity, the weight and the value;
// the HS code and the country of origin are optional in its schema and sent when known. Whatever DHL would refuse is
// refused here first, naming the request field, so that no label order is spent on it.
internal static class DhlCustoms
{
    public const string ItemsRequired = "customs_items_required";
    public const string ItemInvalid = "customs_item_invalid";

    private const int MaxItems = 20;
    private const int MaxDescription = 50;
    private const decimal MaxItemGrams = 31_500m;
    private const int MinHsDigits = 6;
    private const int MaxHsDigits = 11;

    // The returns API accepts values in these currencies only.
    public static readonly string[] ValueCurrencies = ["EUR", "GBP", "CHF"];

    public static DhlCustomsDetails Declare(IReadOnlyList<ShipmentItem> items)
    {
        if (items.Count == 0)
        {
            throw Required("DHL Parcel DE needs a customs declaration (CN23) for a return from outside the EU: set ShipmentRequest.Items to what is in the parcel (description, quantity, weight and value of each item).");
        }

        if (items.Count > MaxItems)
        {
            throw Invalid($"DHL Parcel DE declares at most {MaxItems} kinds of item per return; the request lists {items.Count}. Merge items of the same kind.");
        }

        var commodities = new List<DhlCommodity>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            commodities.Add(ToCommodity(items[i], $"Items[{i}]"));
        }

        return new DhlCustomsDetails(commodities);
    }

    // The parcel's total value for the order when the request declares none: the items' sum, if DHL takes its currency.
    public static DhlValue? TotalValue(IReadOnlyList<ShipmentItem> items)
    {
        if (items.Count == 0 || items.Any(i => i.Value.Currency != items[0].Value.Currency) || !ValueCurrencies.Contains(items[0].Value.Currency.Code, StringComparer.Ordinal))
        {
            return null;
        }

        return Value(items.Aggregate(0m, (sum, item) => sum + item.Value.Amount), items[0].Value.Currency.Code);
    }

    public static DhlValue Value(decimal amount, string currency) =>
        new(currency, decimal.Round(amount, 2, MidpointRounding.AwayFromZero));

    private static DhlCommodity ToCommodity(ShipmentItem item, string path)
    {
        // DHL prints at most 50 characters on the CN23; the beginning of a description names the goods.
        var description = item.Description.Trim();
        description = description.Length <= MaxDescription ? description : description[..MaxDescription].TrimEnd();

        if (item.Weight is not { } weight)
        {
            throw Required($"DHL Parcel DE requires the weight of every declared item; {path}.Weight is missing.");
        }

        var grams = decimal.Round(weight.Grams, 3, MidpointRounding.AwayFromZero);
        if (grams <= 0m || grams > MaxItemGrams)
        {
            throw Invalid($"DHL Parcel DE accepts an item weight above 0 and up to 31.5 kg; {path}.Weight is {weight}.");
        }

        if (!ValueCurrencies.Contains(item.Value.Currency.Code, StringComparer.Ordinal))
        {
            throw Invalid($"DHL Parcel DE declares values in EUR, GBP or CHF only; {path}.Value is in {item.Value.Currency.Code}.");
        }

        string? origin = null;
        if (item.OriginCountry is { } country && !DhlCountries.TryGetOriginAlpha3(country, out origin))
        {
            throw Invalid($"DHL Parcel DE does not accept {country} as a country of origin ({path}.OriginCountry).");
        }

        return new DhlCommodity(description, item.Quantity, new DhlWeight("g", grams), Value(item.Value.Amount, item.Value.Currency.Code))
        {
            CountryOfOrigin = origin,
            HsCode = item.TryGetHsCodeDigits(MinHsDigits, MaxHsDigits, out var hsCode) ? hsCode : throw Invalid($"DHL Parcel DE accepts an HS code of {MinHsDigits} to {MaxHsDigits} digits; {path}.HsCode is not one."),
        };
    }

    private static CarrierException Required(string message) =>
        new(DhlParcelDeCarrier.Id, message, isTransient: false) { CarrierErrorCode = ItemsRequired };

    private static CarrierException Invalid(string message) =>
        new(DhlParcelDeCarrier.Id, message, isTransient: false) { CarrierErrorCode = ItemInvalid };
}
