using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk.Parcels;

namespace Returns.Sdk.Tests.Parcels;

public sealed class ParcelSizingOptionsTests
{
    private static void Valid(ParcelSizingOptions options)
    {
        options.Boxes.Add(new ShippingBoxOptions { Id = "S", LengthCm = 25m, WidthCm = 18m, HeightCm = 8m, TareGrams = 100m, MaxLoadKg = 5m });
        options.Boxes.Add(new ShippingBoxOptions { Id = "M", LengthCm = 35m, WidthCm = 25m, HeightCm = 12m, TareGrams = 180m, OuterLengthCm = 36m, OuterWidthCm = 26m, OuterHeightCm = 13m });
        options.Boxes.Add(new ShippingBoxOptions { Id = "L", LengthCm = 45m, WidthCm = 35m, HeightCm = 20m, TareGrams = 300m });
        options.CategoryDefaults["shoes"] = new ItemSizeOptions { LengthCm = 33m, WidthCm = 20m, HeightCm = 12m, WeightGrams = 900m };
        options.Fallback = new ItemSizeOptions { LengthCm = 20m, WidthCm = 15m, HeightCm = 5m, WeightGrams = 500m };
    }

    private static ReturnsValidationException Invalid(Action<ParcelSizingOptions> change)
    {
        var options = new ParcelSizingOptions();
        Valid(options);
        change(options);
        return Assert.Throws<ReturnsValidationException>(() => BoxCatalog.FromOptions(options));
    }

    [Fact]
    public void FromOptions_ValidOptions_BuildsTheCatalog()
    {
        var options = new ParcelSizingOptions();
        Valid(options);

        var catalog = BoxCatalog.FromOptions(options);

        Assert.Equal(["S", "M", "L"], catalog.Boxes.Select(b => b.Id));
        Assert.Equal(Weight.FromKilograms(5m), catalog.Boxes[0].MaxLoad);
        Assert.Equal(new Dimensions(36m, 26m, 13m), catalog.Boxes[1].Outer);
        Assert.Equal(catalog.Boxes[2].Inner, catalog.Boxes[2].Outer);
        Assert.Equal(Weight.FromGrams(900m), catalog.DefaultsFor("Shoes")!.Weight);
        Assert.Equal(new Dimensions(20m, 15m, 5m), catalog.Fallback!.Dimensions);
    }

    [Fact]
    public void FromOptions_ZeroWidth_NamesTheField()
    {
        var exception = Invalid(o => o.Boxes[2].WidthCm = 0m);

        Assert.Equal("Boxes[2].WidthCm: must be above zero (got 0).", Assert.Single(exception.Errors).ToString());
    }

    [Fact]
    public void FromOptions_SeveralMistakes_ListsEveryOne()
    {
        var exception = Invalid(o =>
        {
            o.Boxes[0].Id = " ";
            o.Boxes[1].HeightCm = 1200m;
            o.Boxes[2].Id = "m";
            o.Boxes[2].TareGrams = -1m;
            o.Boxes[2].MaxLoadKg = 0m;
            o.CategoryDefaults["shoes"].WeightGrams = 0m;
            o.Fallback!.LengthCm = -2m;
        });

        Assert.Equal(
            [
                "Boxes[0].Id: must not be blank.",
                "Boxes[1].HeightCm: must be at most 1000 cm (got 1200).",
                "Boxes[2].Id: 'm' is already the id of Boxes[1] (ids are compared case-insensitively).",
                "Boxes[2].TareGrams: must be zero or more (got -1).",
                "Boxes[2].MaxLoadKg: must be above zero, or left out for no limit (got 0).",
                "CategoryDefaults[shoes].WeightGrams: must be above zero (got 0).",
                "Fallback.LengthCm: must be above zero (got -2).",
            ],
            exception.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void FromOptions_PartOfTheOuterSize_IsRejected()
    {
        var exception = Invalid(o => o.Boxes[0].OuterLengthCm = 27m);

        Assert.Equal("Boxes[0]", Assert.Single(exception.Errors).Path);
    }

    [Fact]
    public void FromOptions_OuterSmallerThanInner_IsRejected()
    {
        var exception = Invalid(o => o.Boxes[1].OuterHeightCm = 11m);

        var error = Assert.Single(exception.Errors);
        Assert.Equal("Boxes[1]", error.Path);
        Assert.Contains("cannot hold the inner size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_NoBoxes_IsRejected()
    {
        var exception = Assert.Throws<ReturnsValidationException>(() => BoxCatalog.FromOptions(new ParcelSizingOptions()));

        Assert.Equal("Boxes: at least one box is required.", Assert.Single(exception.Errors).ToString());
    }

    [Fact]
    public void AddParcelSizing_ValidOptions_ResolvesOneEstimatorOverTheCatalog()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddParcelSizing(Valid);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IStartupValidator>().Validate();
        var estimator = provider.GetRequiredService<ParcelEstimator>();

        Assert.Same(estimator, provider.GetRequiredService<ParcelEstimator>());
        Assert.Same(provider.GetRequiredService<BoxCatalog>(), estimator.Catalog);
        Assert.Equal("M", estimator.Estimate([new ParcelItem("BOOT", 1, new ProductAttributes("shoes"))]).Box?.Id);
    }

    [Fact]
    public void AddParcelSizing_BadOptions_FailsStartupValidationNamingTheField()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddParcelSizing(o =>
        {
            Valid(o);
            o.Boxes[2].WidthCm = 0m;
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("Boxes[2].WidthCm: must be above zero", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddParcelSizing_OptionsConfiguredElsewhere_AreUsed()
    {
        var services = new ServiceCollection();
        services.Configure<ParcelSizingOptions>(Valid);
        services.AddReturns().AddParcelSizing();
        using var provider = services.BuildServiceProvider();

        Assert.Equal(3, provider.GetRequiredService<BoxCatalog>().Boxes.Count);
    }

    [Fact]
    public void AddParcelSizing_AHostsOwnCatalog_IsKept()
    {
        var catalog = ParcelFixtures.Catalog();
        var services = new ServiceCollection().AddSingleton(catalog);
        services.AddReturns().AddParcelSizing(Valid);
        using var provider = services.BuildServiceProvider();

        Assert.Same(catalog, provider.GetRequiredService<ParcelEstimator>().Catalog);
    }
}
