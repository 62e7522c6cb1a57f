using Returns.Sdk;
using Returns.Sdk.Carriers;

namespace Returns.Carriers.Sendcloud.Internal;

// Turns ShipmentRequest.Items into Sendcloud's parcel_items. Items are sent whenever the request has them; when the
// return crosses a customs border Sendcloud needs them for the customs documents, each with its HS code, country of
// origin and weight, in one currency. What Sendcloud would refuse is refused here first, naming the request field.
internal static class SendcloudParcelItems
{
    public const string ItemsRequired = "customs_items_required";
    public const string ItemInvalid = "customs_item_invalid";

    private const int MinHsDigits = 6;
    private const int MaxHsDigits = 12;

    // Inside the EU customs union nothing is declared; anything else that leaves one country for another is.
    public static bool CrossesCustomsBorder(Address from, Address to) =>
        from.Country != to.Country && !(from.Country.IsEuMember && to.Country.IsEuMember);

    public static IReadOnlyList<ScParcelItem>? From(IReadOnlyList<ShipmentItem> items, bool customs)
    {
        if (items.Count == 0)
        {
            return customs
                ? throw Required("Sendcloud needs the items of a return that crosses a customs border (parcel_items): set ShipmentRequest.Items with the description, quantity, weight, value, HS code and country of origin of each item.")
                : null;
        }

        var parcelItems = new List<ScParcelItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var path = $"Items[{i}]";
            if (customs)
            {
                RequireCustomsFields(item, path);
                if (item.Value.Currency != items[0].Value.Currency)
                {
                    throw Invalid($"Sendcloud does not accept mixed currencies in customs data; {path}.Value is in {item.Value.Currency.Code}, Items[0].Value in {items[0].Value.Currency.Code}.");
                }
            }

            var price = new ScPrice(item.Value.Currency.Round(item.Value.Amount), item.Value.Currency.Code);
            parcelItems.Add(new ScParcelItem(item.Description.Trim(), item.Quantity)
            {
                // Sendcloud takes only a weight above zero; an unknown or zero weight is left out.
                Weight = item.Weight is { Grams: > 0m } weight ? new ScWeight(weight.Kilograms, "kg") : null,
                Price = price,
                Value = price,
                HsCode = item.TryGetHsCodeDigits(MinHsDigits, MaxHsDigits, out var hsCode) ? hsCode : throw Invalid($"Sendcloud accepts an HS code of {MinHsDigits} to {MaxHsDigits} digits; {path}.HsCode is not one."),
                OriginCountry = item.OriginCountry?.Value,
                Sku = string.IsNullOrWhiteSpace(item.Sku) ? null : item.Sku.Trim(),
            });
        }

        return parcelItems;
    }

    private static void RequireCustomsFields(ShipmentItem item, string path)
    {
        if (item.Weight is not { Grams: > 0m })
        {
            throw Required($"Sendcloud requires the weight of every item of a return that crosses a customs border; {path}.Weight is missing or zero.");
        }

        if (string.IsNullOrWhiteSpace(item.HsCode))
        {
            throw Required($"Sendcloud requires the HS code of every item of a return that crosses a customs border; {path}.HsCode is missing.");
        }

        if (item.OriginCountry is null)
        {
            throw Required($"Sendcloud requires the country of origin of every item of a return that crosses a customs border; {path}.OriginCountry is missing.");
        }
    }

    private static CarrierException Required(string message) =>
        new(SendcloudCarrier.Id, message, isTransient: false) { CarrierErrorCode = ItemsRequired };

    private static CarrierException Invalid(string message) =>
        new(SendcloudCarrier.Id, message, isTransient: false) { CarrierErrorCode = ItemInvalid };
}
