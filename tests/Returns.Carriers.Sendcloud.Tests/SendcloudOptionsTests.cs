using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk;

namespace Returns.Carriers.Sendcloud.Tests;

public sealed class SendcloudOptionsTests
{
    private static List<Exception> StartFailures(Action<SendcloudOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddSendcloud(configure);
        using var provider = services.BuildServiceProvider();
        var exception = Assert.ThrowsAny<Exception>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        return exception is AggregateException aggregate ? [.. aggregate.InnerExceptions] : [exception];
    }

    [Fact]
    public void AddSendcloud_WithoutKeysOrCodes_FailsOnStartNamingEachSetting()
    {
        var failures = StartFailures(_ => { });

        Assert.All(failures, f => Assert.IsType<OptionsValidationException>(f));
        var message = string.Join('\n', failures.Select(f => f.Message));
        Assert.Contains("PublicKey is required", message, StringComparison.Ordinal);
        Assert.Contains("SecretKey is required", message, StringComparison.Ordinal);
        Assert.Contains("ShippingOptionCodes needs at least one", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddSendcloud_InvalidSettings_FailMessagesNeverHoldTheSecret()
    {
        var failures = StartFailures(o =>
        {
            o.PublicKey = "pk";
            o.SecretKey = "sk-TOPSECRET-1";
            o.ShippingOptionCodes.Add("postnl:small/return");
            o.ShippingOptionCodes.Add("postnl:small/return");
            o.ReturnMethods.Add(ReturnMethod.Mailbox);
            o.BaseAddress = new Uri("http://panel.sendcloud.example/api/v3/");
            o.DefaultServicePointCountry = "Netherlands";
            o.ContractId = 0;
        });

        var message = string.Join('\n', failures.Select(f => f.ToString()));
        Assert.Contains("lists 'postnl:small/return' twice", message, StringComparison.Ordinal);
        Assert.Contains("cannot contain Mailbox", message, StringComparison.Ordinal);
        Assert.Contains("BaseAddress must be an absolute https URI", message, StringComparison.Ordinal);
        Assert.Contains("DefaultServicePointCountry", message, StringComparison.Ordinal);
        Assert.Contains("ContractId must be positive", message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-TOPSECRET-1", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithKeys_ShowsNeitherKey()
    {
        var options = new SendcloudOptions { PublicKey = "pk-visible?", SecretKey = "sk-TOPSECRET-2" };
        options.ShippingOptionCodes.Add("postnl:small/return");

        var text = options.ToString();

        Assert.DoesNotContain("sk-TOPSECRET-2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pk-visible?", text, StringComparison.Ordinal);
        Assert.Contains("SecretKey = (set)", text, StringComparison.Ordinal);
        Assert.Contains("postnl:small/return", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_PointAtSendcloudProduction()
    {
        var options = new SendcloudOptions();

        Assert.Equal(new Uri("https://panel.sendcloud.sc/api/v3/"), options.BaseAddress);
        Assert.Equal(new Uri("https://servicepoints.sendcloud.sc/api/v2/"), options.ServicePointsBaseAddress);
        Assert.Empty(options.ReturnMethods);
        Assert.False(options.SendTrackingEmails);
    }

    [Fact]
    public void Capabilities_NoReturnMethodsConfigured_OfferDropOffMethods()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddSendcloud(o =>
        {
            o.PublicKey = "pk";
            o.SecretKey = "sk";
            o.ShippingOptionCodes.Add("postnl:small/return");
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var service = Assert.Single(provider.GetServices<Returns.Sdk.Carriers.CarrierAdapter>().Single().Capabilities.Services);

        Assert.Equal([ReturnMethod.PostOffice, ReturnMethod.PickupPoint, ReturnMethod.ParcelLocker], service.ReturnMethods);
    }
}
