using Returns.Cli.Input;
using Returns.Sdk;
using Returns.Sdk.Parcels;

namespace Returns.Cli.Tests.Input;

public sealed class BoxCatalogFileTests
{
    [Fact]
    public async Task LoadAsync_DemoFile_ReadsBoxesDefaultsAndFallback()
    {
        var options = await BoxCatalogFile.LoadAsync(DemoFiles.BoxesPath, TestContext.Current.CancellationToken);

        Assert.Equal(["S", "M", "L", "XL"], options.Boxes.Select(b => b.Id));
        Assert.Equal(40m, options.Boxes[1].LengthCm);
        Assert.Equal(61m, options.Boxes[2].OuterLengthCm);
        Assert.Equal(15m, options.Boxes[1].MaxLoadKg);
        Assert.True(options.CategoryDefaults.ContainsKey("APPAREL"));
        foreach (var category in new[] { "apparel", "shoes", "electronics", "accessories" })
        {
            Assert.True(options.CategoryDefaults.ContainsKey(category), category);
        }

        Assert.Equal(500m, options.Fallback!.WeightGrams);
    }

    [Fact]
    public async Task CopyTo_FilledOptions_BuildTheSameCatalog()
    {
        var loaded = await BoxCatalogFile.LoadAsync(DemoFiles.BoxesPath, TestContext.Current.CancellationToken);
        var target = new ParcelSizingOptions();

        BoxCatalogFile.CopyTo(loaded, target);

        var catalog = BoxCatalog.FromOptions(target);
        Assert.Equal(["S", "M", "L", "XL"], catalog.Boxes.Select(b => b.Id));
        Assert.NotNull(catalog.DefaultsFor("shoes"));
        Assert.Equal(catalog.Fallback, catalog.DefaultsFor("garden"));
    }

    [Fact]
    public async Task LoadAsync_PascalCaseAsInConfiguration_Reads()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("boxes.json", """{ "Boxes": [ { "Id": "Only", "LengthCm": 10, "WidthCm": 10, "HeightCm": 10, "TareGrams": 50 } ] }""");

        var options = await BoxCatalogFile.LoadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal("Only", Assert.Single(options.Boxes).Id);
    }

    [Fact]
    public async Task LoadAsync_MisspeltProperty_ReportsPathLineAndColumn()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("boxes.json", "{\n  \"boxes\": [\n    { \"id\": \"S\", \"lenghtCm\": 30, \"widthCm\": 20, \"heightCm\": 10 }\n  ]\n}\n");

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => BoxCatalogFile.LoadAsync(path, TestContext.Current.CancellationToken));

        var error = Assert.Single(exception.Errors);
        Assert.Equal(path, error.Source);
        Assert.Equal(3, error.Line);
        Assert.NotNull(error.Column);
        Assert.Contains("lenghtCm", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_InvalidBox_ReportsTheOptionsPathWithTheFile()
    {
        using var temp = new TempDirectory();
        var path = temp.Write("boxes.json", """{ "boxes": [ { "id": "S", "lengthCm": 30, "widthCm": 0, "heightCm": 10 } ] }""");

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => BoxCatalogFile.LoadAsync(path, TestContext.Current.CancellationToken));

        Assert.Contains(exception.Errors, e => e.Source == path && e.Path.Contains("WidthCm", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("{ \"boxes\": [] }")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"boxes\": [ ")]
    public async Task LoadAsync_NotACatalog_ThrowsValidationErrorNamingTheFile(string json)
    {
        using var temp = new TempDirectory();
        var path = temp.Write("boxes.json", json);

        var exception = await Assert.ThrowsAsync<ReturnsValidationException>(() => BoxCatalogFile.LoadAsync(path, TestContext.Current.CancellationToken));

        Assert.All(exception.Errors, e => Assert.Equal(path, e.Source));
    }
}
