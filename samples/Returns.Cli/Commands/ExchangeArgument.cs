using System.CommandLine.Parsing;
using System.Globalization;

namespace Returns.Cli.Commands;

/// <summary>
/// One <c>--exchange SKU:PRICE</c> of <c>returns store-return</c>: another product handed over in exchange, one unit at
/// its current price in the order's currency.
/// </summary>
/// <param name="Sku">The product's SKU.</param>
/// <param name="UnitPrice">Its price, in the order's currency.</param>
internal sealed record ExchangeArgument(string Sku, decimal UnitPrice)
{
    /// <summary>The option value as <c>SKU:PRICE</c> with an invariant price: the same product always reads the same.</summary>
    /// <returns>For example <c>SNK-TRAIL-43:99.95</c>.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sku}:{UnitPrice}");

    /// <summary>Parses every <c>--exchange</c> token for System.CommandLine, adding one error per malformed value.</summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The products, in the order given.</returns>
    public static IReadOnlyList<ExchangeArgument> Parse(ArgumentResult result)
    {
        var products = new List<ExchangeArgument>(result.Tokens.Count);
        foreach (var token in result.Tokens)
        {
            var text = token.Value;
            var colon = text.LastIndexOf(':');
            var sku = colon < 0 ? string.Empty : text[..colon].Trim();
            var priceText = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
            if (sku.Length == 0)
            {
                result.AddError($"--exchange '{text}': expected SKU:PRICE, e.g. SNK-TRAIL-43:99.95.");
            }
            else if (!decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
            {
                result.AddError($"--exchange '{text}': the price '{priceText}' is not an amount; write it with a point, e.g. {sku}:99.95.");
            }
            else
            {
                products.Add(new ExchangeArgument(sku, price));
            }
        }

        return products;
    }
}
