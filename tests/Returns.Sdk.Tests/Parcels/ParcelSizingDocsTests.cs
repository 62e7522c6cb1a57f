using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Returns.Sdk.Parcels;

namespace Returns.Sdk.Tests.Parcels;

/// <summary>docs/parcel-sizing.md: its configuration example is valid and its explanations are what the estimator says.</summary>
public sealed partial class ParcelSizingDocsTests
{
    private static readonly Lazy<string> Doc = new(() => File.ReadAllText(DocsPath()));

    private static readonly JsonSerializerOptions AsTheBinderReads = new()
    {
        PropertyNameCaseInsensitive = true,
        PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static string DocsPath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Returns.Sdk.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "docs", "parcel-sizing.md");
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    // Reads the section the way the configuration binder does: names case-insensitive, into the existing collections.
    private static ParcelSizingOptions DocumentedOptions()
    {
        var json = Assert.Single(JsonBlock().Matches(Doc.Value)).Groups[1].Value;
        var section = JsonDocument.Parse(json).RootElement.GetProperty("Returns").GetProperty("Parcels");
        return section.Deserialize<ParcelSizingOptions>(AsTheBinderReads)!;
    }

    private static ParcelItem Item(string sku, decimal length, decimal width, decimal height, decimal grams, string category) =>
        new(sku, 1, new ProductAttributes(category) { Dimensions = new Dimensions(length, width, height), Weight = Weight.FromGrams(grams) });

    public static TheoryData<string, string?> Examples() => new()
    {
        { "tee", "S" },
        { "boots", "L" },
        { "dumbbell", "M" },
        { "mixed", "L" },
        { "ski", null },
        { "kettlebell", null },
    };

    private static ParcelItem[] Return(string name) => name switch
    {
        "tee" => [Item("TEE-M", 22m, 15m, 3m, 250m, "apparel")],
        "boots" => [new ParcelItem("BOOT-42", 2, new ProductAttributes("shoes"))],
        "dumbbell" => [Item("DUMBBELL-6", 20m, 10m, 7m, 6000m, "sports")],
        "mixed" =>
        [
            Item("TEE-M", 22m, 15m, 3m, 250m, "apparel"),
            new ParcelItem("JEANS-32", 1, new ProductAttributes("apparel") { Weight = Weight.FromGrams(650m) }),
            new ParcelItem("GIFT-BOX", 1, new ProductAttributes("gifts")),
        ],
        "ski" => [Item("SKI-170", 170m, 12m, 8m, 3200m, "sports")],
        _ => [Item("KETTLEBELL-32", 25m, 20m, 20m, 32_000m, "sports")],
    };

    [Fact]
    public void ConfigurationExample_IsValidAndBuildsTheCatalog()
    {
        var catalog = BoxCatalog.FromOptions(DocumentedOptions());

        Assert.Equal(["S", "M", "L", "XL"], catalog.Boxes.Select(b => b.Id));
        Assert.Equal(new Dimensions(26m, 19m, 9m), catalog.Boxes[0].Outer);
        Assert.Equal(Weight.FromGrams(900m), catalog.DefaultsFor("Shoes")!.Weight);
        Assert.NotNull(catalog.Fallback);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void ExplanationsTable_ShowsWhatTheEstimatorSays(string example, string? box)
    {
        var estimate = new ParcelEstimator(BoxCatalog.FromOptions(DocumentedOptions())).Estimate(Return(example));

        Assert.Equal(box, estimate.Box?.Id);
        Assert.Contains($"| {box ?? "none"} | {estimate.Explanation} |", Doc.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void DimensionalWeightExample_Holds()
    {
        Assert.Contains("A 40 × 30 × 20 cm parcel weighing 1.2 kg bills as 4.8 kg with divisor 5000.", Doc.Value, StringComparison.Ordinal);
        Assert.Equal(Weight.FromKilograms(4.8m), DimensionalWeight.Billable(new Parcel(Weight.FromKilograms(1.2m), new Dimensions(40m, 30m, 20m)), 5000m));
    }
}
