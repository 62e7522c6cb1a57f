using System.CommandLine.Parsing;
using System.Globalization;
using Returns.Sdk;
using Returns.Sdk.StoreReturns;

namespace Returns.Cli.Commands;

/// <summary>
/// One <c>--item SKU[:QTY[:REASON[:PACKAGING/USE]]]</c> of <c>returns store-return</c>: a scanned item and what the
/// associate found. Omitted or empty parts take the defaults: 1 unit, <c>changed_mind</c>, <c>sealed/none</c>.
/// </summary>
internal static class ScannedItemArgument
{
    /// <summary>The reason when the item names none.</summary>
    public const string DefaultReason = "changed_mind";

    /// <summary>How the option's value is spelled in help and errors.</summary>
    public const string Syntax = "SKU[:QTY[:REASON[:PACKAGING/USE]]]";

    private static readonly string[] PackagingNames = ["sealed", "opened", "missing"];
    private static readonly string[] UseNames = ["none", "light", "heavy"];

    /// <summary>Parses every <c>--item</c> token for System.CommandLine, adding one error per malformed item.</summary>
    /// <param name="result">The option's argument.</param>
    /// <returns>The items, in the order given; the malformed ones left out after adding an error.</returns>
    public static IReadOnlyList<StoreReturnItem> Parse(ArgumentResult result)
    {
        var items = new List<StoreReturnItem>(result.Tokens.Count);
        for (var i = 0; i < result.Tokens.Count; i++)
        {
            var text = result.Tokens[i].Value;
            if (TryParse(text, out var item, out var problem))
            {
                items.Add(item);
            }
            else
            {
                result.AddError($"--item #{i + 1} '{text}': {problem} Write {Syntax}, e.g. SNK-RUN-42:1:too_small:opened/light.");
            }
        }

        return items;
    }

    /// <summary>Parses <c>SKU[:QTY[:REASON[:PACKAGING/USE]]]</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="item">The item, when valid.</param>
    /// <param name="problem">Which part is wrong and why, when not.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string text, out StoreReturnItem item, out string problem) => TryParse(text, "SKU", out item, out problem);

    /// <summary>Parses <c>ID[:QTY[:REASON[:PACKAGING/USE]]]</c>, where the first part is what <paramref name="firstPart"/> names.</summary>
    /// <param name="text">The text.</param>
    /// <param name="firstPart">What part 1 is called in problems, e.g. <c>SKU</c> or <c>line id</c>; it is kept in <see cref="StoreReturnItem.Sku"/>.</param>
    /// <param name="item">The item, when valid.</param>
    /// <param name="problem">Which part is wrong and why, when not.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string text, string firstPart, out StoreReturnItem item, out string problem)
    {
        item = null!;
        var parts = text.Split(':');
        if (parts.Length > 4)
        {
            problem = $"it has {parts.Length} parts separated by ':'; at most 4 ({firstPart}, quantity, reason, condition).";
            return false;
        }

        var sku = parts[0].Trim();
        if (sku.Length == 0)
        {
            problem = $"the {firstPart} (part 1) is empty.";
            return false;
        }

        var quantity = 1;
        if (Part(parts, 1) is { } quantityText && (!int.TryParse(quantityText, NumberStyles.None, CultureInfo.InvariantCulture, out quantity) || quantity < 1))
        {
            problem = $"the quantity (part 2) '{quantityText}' is not a whole number of 1 or more.";
            return false;
        }

        var reason = Part(parts, 2) ?? DefaultReason;
        var packaging = PackagingState.Sealed;
        var use = UsageLevel.None;
        if (Part(parts, 3) is { } conditionText)
        {
            var halves = conditionText.Split('/');
            if (halves.Length != 2)
            {
                problem = $"the condition (part 4) '{conditionText}' is not PACKAGING/USE; packaging is {string.Join('|', PackagingNames)}, use is {string.Join('|', UseNames)}.";
                return false;
            }

            var packagingIndex = Array.IndexOf(PackagingNames, halves[0].Trim());
            if (packagingIndex < 0)
            {
                problem = $"the packaging (part 4) '{halves[0]}' is not one of {string.Join('|', PackagingNames)}.";
                return false;
            }

            var useIndex = Array.IndexOf(UseNames, halves[1].Trim());
            if (useIndex < 0)
            {
                problem = $"the use (part 4) '{halves[1]}' is not one of {string.Join('|', UseNames)}.";
                return false;
            }

            packaging = (PackagingState)packagingIndex;
            use = (UsageLevel)useIndex;
        }

        item = new StoreReturnItem(sku, quantity, reason, new DeclaredCondition(packaging, use));
        problem = string.Empty;
        return true;
    }

    /// <summary>The item as <c>SKU:QTY:REASON:PACKAGING/USE</c> with every part spelled out: the same item always reads the same.</summary>
    /// <param name="item">The item.</param>
    /// <returns>For example <c>SNK-RUN-42:1:changed_mind:sealed/none</c>.</returns>
    public static string Canonical(StoreReturnItem item) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{item.Sku.ToUpperInvariant()}:{item.Quantity}:{item.ReasonCode}:{PackagingNames[(int)item.Condition.Packaging]}/{UseNames[(int)item.Condition.SignsOfUse]}");

    // An omitted or empty part takes its default, so "SKU::defective" keeps one unit.
    private static string? Part(string[] parts, int index) =>
        index < parts.Length && parts[index].Trim() is { Length: > 0 } part ? part : null;
}
