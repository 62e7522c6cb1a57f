using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk.Events;
using Returns.Sdk.Lifecycle;

namespace Returns.Webhooks.Tests;

public sealed class WebhookEndpointOptionsTests
{
    private const string ShortSecret = "too-short-secret-1234";
    private const string GoodSecret = "whsec_5f2a9c1e7b3d4f6a8c0e2b4d6f8a0c2e";

    private static OptionsValidationException Invalid(Action<WebhookEndpointOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IReturnStore>(new InMemoryReturnStore());
        services.AddReturns().AddEventDelivery().AddWebhook("shop", configure);
        using var provider = services.BuildServiceProvider();

        // Resolving the dispatcher builds the webhook subscriber, which validates its endpoint: the host fails on start.
        return Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<OutboxDispatcher>());
    }

    private static void Valid(Action<WebhookEndpointOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IReturnStore>(new InMemoryReturnStore());
        services.AddReturns().AddEventDelivery().AddWebhook("shop", configure);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(["webhook:shop"], provider.GetRequiredService<OutboxDispatcher>().SubscriberNames);
    }

    [Theory]
    [InlineData("http://erp.example.com/hooks")]
    [InlineData("ftp://erp.example.com/hooks")]
    public void Validate_NotHttps_Fails(string url)
    {
        var error = Invalid(o =>
        {
            o.Url = new Uri(url);
            o.Secrets.Add(GoodSecret);
        });

        Assert.Contains("Webhook 'shop': Url must use https", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("erp.example.com", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hooks")]
    [InlineData("http://localhost:8080/hooks")]
    [InlineData("https://erp.example.com/hooks?token=abc")]
    public void Validate_HttpsOrLoopbackHttp_Passes(string url)
    {
        Valid(o =>
        {
            o.Url = new Uri(url);
            o.Secrets.Add(GoodSecret);
        });
    }

    [Fact]
    public void Validate_RelativeOrMissingUrl_Fails()
    {
        Assert.Contains("Url is required", Invalid(o => o.Secrets.Add(GoodSecret)).Message, StringComparison.Ordinal);
        Assert.Contains("Url must be an absolute URL", Invalid(o =>
        {
            o.Url = new Uri("/hooks", UriKind.Relative);
            o.Secrets.Add(GoodSecret);
        }).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShortSecret_FailsWithoutShowingIt()
    {
        var error = Invalid(o =>
        {
            o.Url = new Uri("https://erp.example.com/hooks");
            o.Secrets.Add(GoodSecret);
            o.Secrets.Add(ShortSecret);
        });

        Assert.Contains("Secrets[1] has 21 bytes; at least 32 are required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ShortSecret, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GoodSecret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoSecret_Fails()
    {
        var error = Invalid(o => o.Url = new Uri("https://erp.example.com/hooks"));

        Assert.Contains("at least one secret is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownEventType_FailsNamingIt()
    {
        var error = Invalid(o =>
        {
            o.Url = new Uri("https://erp.example.com/hooks");
            o.Secrets.Add(GoodSecret);
            o.EventTypes.Add("return.refund");
        });

        Assert.Contains("'return.refund', which is not an event type", error.Message, StringComparison.Ordinal);
        Assert.Contains(ReturnEventTypes.Refunded, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(600_000)]
    public void Validate_TimeoutOutOfRange_Fails(int milliseconds)
    {
        var error = Invalid(o =>
        {
            o.Url = new Uri("https://erp.example.com/hooks");
            o.Secrets.Add(GoodSecret);
            o.Timeout = TimeSpan.FromMilliseconds(milliseconds);
        });

        Assert.Contains("Timeout must be", error.Message, StringComparison.Ordinal);
    }
}
