using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk.SelfService;

namespace Returns.Sdk.Tests.SelfService;

public sealed class SelfServiceOptionsTests
{
    private static void Valid(SelfServiceOptions o)
    {
        o.WarehouseAddress = SelfServiceHarness.Warehouse;
        o.WarehouseId = "WH-1";
    }

    private static OptionsValidationException StartFailure(Action<SelfServiceOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddSelfServiceReturns(configure);
        using var provider = services.BuildServiceProvider();
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public void AddSelfServiceReturns_ValidSettings_StartsAndKeepsThem()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddSelfServiceReturns(o =>
        {
            Valid(o);
            o.MaxItems = 1000;
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptions<SelfServiceOptions>>().Value;
        Assert.Equal(("WH-1", 1000, TimeZoneInfo.Utc), (options.WarehouseId, options.MaxItems, options.TimeZone));
        Assert.Same(ReturnReasonTaxonomy.Standard, options.Reasons);
    }

    [Fact]
    public void AddSelfServiceReturns_NoWarehouseAddress_FailsOnStartNamingIt()
    {
        var ex = StartFailure(o =>
        {
            Valid(o);
            o.WarehouseAddress = null;
        });

        Assert.Contains("WarehouseAddress is required", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSelfServiceReturns_WarehouseAddressWithoutStreetOrCity_FailsOnStartNamingIt()
    {
        var ex = StartFailure(o =>
        {
            Valid(o);
            o.WarehouseAddress = new Address(CountryCode.Parse("NL"), "5928 LZ") { City = "Venlo" };
        });

        Assert.Contains("WarehouseAddress needs a street (Line1)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void AddSelfServiceReturns_NoWarehouseId_FailsOnStartNamingIt(string? id)
    {
        var ex = StartFailure(o =>
        {
            Valid(o);
            o.WarehouseId = id;
        });

        Assert.Contains("WarehouseId is required", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1001)]
    public void AddSelfServiceReturns_MaxItemsOutOfRange_FailsOnStartNamingIt(int maxItems)
    {
        var ex = StartFailure(o =>
        {
            Valid(o);
            o.MaxItems = maxItems;
        });

        Assert.Contains($"MaxItems must be between 1 and 1000, not {maxItems}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSelfServiceReturns_SeveralSettingsWrong_EachNamed()
    {
        var ex = StartFailure(o => o.MaxItems = 0);

        Assert.Equal(3, ex.Failures.Count());
        Assert.Contains(ex.Failures, f => f.StartsWith("WarehouseAddress", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("WarehouseId", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("MaxItems", StringComparison.Ordinal));
    }
}
