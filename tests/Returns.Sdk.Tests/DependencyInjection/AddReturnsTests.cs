using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Carriers;
using Returns.Sdk.Policy;
using Returns.Sdk.Tests.Carriers;
using Returns.Sdk.Tests.Policy;

namespace Returns.Sdk.Tests.DependencyInjection;

public sealed class AddReturnsTests
{
    [Fact]
    public void AddReturns_CalledTwiceWithTheSameCarrier_RegistersEverythingOnce()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddCarrier<TestCarrier>();
        services.AddReturns().AddCarrier<TestCarrier>();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        Assert.Single(provider.GetServices<CarrierAdapter>());
        Assert.Single(provider.GetRequiredService<CarrierRateShopper>().Carriers);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddReturns_KeepsAHostsTimeProvider()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddReturns().AddReturnPolicy(PolicyFixtures.TestPolicy());

        using var provider = services.BuildServiceProvider();

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.NotNull(provider.GetRequiredService<ReturnPolicyEngine>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(120_000)]
    public void AddReturns_InvalidQuoteDeadline_FailsValidation(int milliseconds)
    {
        var services = new ServiceCollection();
        services.AddReturns(o => o.QuoteDeadline = TimeSpan.FromMilliseconds(milliseconds));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CarrierOptions>>().Value);

        Assert.Contains("QuoteDeadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCarrier_Factory_IsUsed()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddCarrier(_ => ScriptedCarrier.Priced("built", 1m));

        using var provider = services.BuildServiceProvider();

        Assert.Equal("built", Assert.Single(provider.GetRequiredService<CarrierRateShopper>().Carriers).CarrierId);
    }

    private sealed class TestCarrier : CarrierAdapter
    {
        public override string CarrierId => "test";

        public override CarrierCapabilities Capabilities { get; } = new([ScriptedCarrier.Standard()], CarrierFeatures.None);

        public override Task<IReadOnlyList<RateQuote>> QuoteAsync(RateRequest request, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<RateQuote>>([]);

        public override Task<ReturnShipment> CreateShipmentAsync(ShipmentRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
