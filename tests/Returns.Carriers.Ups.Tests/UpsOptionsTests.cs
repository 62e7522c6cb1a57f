using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Returns.Carriers.Ups.Tests;

public sealed class UpsOptionsTests
{
    private const string Secret = "very-secret-value-42";

    private static Exception[] StartFailures(Action<UpsOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddUps(configure);
        using var provider = services.BuildServiceProvider();
        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return exception is AggregateException aggregate ? [.. aggregate.InnerExceptions] : [exception];
    }

    [Fact]
    public void AddUps_WithoutCredentialsOrAccount_FailsOnStartNamingEachSetting()
    {
        var failures = StartFailures(_ => { });

        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        var messages = string.Join('\n', failures.Select(f => f.Message));
        Assert.Contains("ClientId is required", messages, StringComparison.Ordinal);
        Assert.Contains("ClientSecret is required", messages, StringComparison.Ordinal);
        Assert.Contains("AccountNumber is required", messages, StringComparison.Ordinal);
    }

    [Fact]
    public void AddUps_InvalidSettings_MessagesNeverEchoTheSecret()
    {
        var failures = StartFailures(o =>
        {
            o.ClientId = "id";
            o.ClientSecret = Secret;
            o.AccountNumber = Secret;
            o.ShippingVersion = Secret;
            o.BaseAddress = new Uri("http://onlinetools.ups.com/");
        });

        var messages = string.Join('\n', failures.Select(f => f.Message));
        Assert.Contains("AccountNumber", messages, StringComparison.Ordinal);
        Assert.Contains("ShippingVersion", messages, StringComparison.Ordinal);
        Assert.Contains("BaseAddress must be an absolute https URI", messages, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, messages, StringComparison.Ordinal);
    }

    [Fact]
    public void AddUps_ValidSettings_StartsAndRegistersTheAdapter()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddUps(o =>
        {
            o.ClientId = "id";
            o.ClientSecret = Secret;
            o.AccountNumber = "A1B2C3";
        });
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<UpsCarrier>(Assert.Single(provider.GetServices<Returns.Sdk.Carriers.CarrierAdapter>()));
    }

    [Fact]
    public void ToString_WithSecret_HidesIt()
    {
        var options = new UpsOptions { ClientId = "id", ClientSecret = Secret, AccountNumber = "A1B2C3" };

        var text = options.ToString();

        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.Contains("ClientSecret = ***", text, StringComparison.Ordinal);
        Assert.Contains("A1B2C3", text, StringComparison.Ordinal);
    }
}
