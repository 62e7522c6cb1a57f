using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Refund.Gateway.Sample.Internal;
using Returns.Sdk.Refunds;

namespace Refund.Gateway.Sample.Tests;

public sealed class HttpRefundGatewayOptionsTests
{
    private const string Key = "sk_live_Vb7Qm2Xr9Lt4";

    private static HttpRefundGatewayOptions Valid() => new() { BaseAddress = new Uri("https://payments.shop.example/api/"), ApiKey = Key };

    private static ValidateOptionsResult Validate(HttpRefundGatewayOptions options) => new HttpRefundGatewayOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_HttpsAddressAndKey_Succeeds()
    {
        Assert.True(Validate(Valid()).Succeeded);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://localhost/")]
    [InlineData("https://payments.shop.example")]
    public void Validate_HttpsOrLoopbackHttp_Succeeds(string address)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData(null, "BaseAddress is required")]
    [InlineData("http://payments.shop.example/", "must use https")]
    [InlineData("ftp://payments.shop.example/", "must use https")]
    [InlineData("https://admin:hunter2@payments.shop.example/", "must not contain a user name or password")]
    [InlineData("https://payments.shop.example/?tenant=1", "must not have a query")]
    public void Validate_BadBaseAddress_FailsNamingTheSetting(string? address, string expected)
    {
        var options = Valid();
        options.BaseAddress = address is null ? null : new Uri(address);

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_RelativeBaseAddress_Fails()
    {
        var options = Valid();
        options.BaseAddress = new Uri("api/", UriKind.Relative);

        Assert.Contains("absolute", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "ApiKey is required")]
    [InlineData("  ", "ApiKey is required")]
    [InlineData("sk_live Vb7Qm2Xr9Lt4", "visible ASCII")]
    [InlineData("sk_live_Vb7Qm2Xr9Lt4\n", "visible ASCII")]
    [InlineData("sk_live_Vb7Qm2Xr9Ltä", "visible ASCII")]
    public void Validate_MissingOrUnsendableKey_FailsWithoutShowingTheKey(string? key, string expected)
    {
        var options = Valid();
        options.ApiKey = key;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Vb7Qm2Xr9Lt", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/v1/refunds")]
    [InlineData("v1/refunds?mode=test")]
    [InlineData("v1/refunds#x")]
    [InlineData("https://other.example/v1/refunds")]
    public void Validate_BadRefundsPath_Fails(string path)
    {
        var options = Valid();
        options.RefundsPath = path;

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("RefundsPath", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99)]
    [InlineData(600_001)]
    public void Validate_TimeoutOutOfRange_Fails(int milliseconds)
    {
        var options = Valid();
        options.Timeout = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Contains("Timeout must be", Validate(options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_PathAndTimeout_AreTheDocumentedOnes()
    {
        var options = new HttpRefundGatewayOptions();

        Assert.Equal(("v1/refunds", TimeSpan.FromSeconds(30)), (options.RefundsPath, options.Timeout));
    }

    [Fact]
    public void ToString_WithKey_MasksTheKey()
    {
        var text = Valid().ToString();

        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Vb7Q", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("https://payments.shop.example/api/", text, StringComparison.Ordinal);
        Assert.Contains("v1/refunds", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_PasswordInTheAddress_LeavesItOut()
    {
        var options = Valid();
        options.BaseAddress = new Uri("https://admin:hunter2@payments.shop.example/");

        var text = options.ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.DoesNotContain("admin", text, StringComparison.Ordinal);
        Assert.Contains("payments.shop.example", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NoKey_SaysSo()
    {
        Assert.Contains("ApiKey = (not set)", new HttpRefundGatewayOptions().ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://payments.shop.example/api", "v1/refunds", "https://payments.shop.example/api/v1/refunds")]
    [InlineData("https://payments.shop.example/api/", "v1/refunds", "https://payments.shop.example/api/v1/refunds")]
    [InlineData("https://payments.shop.example", "refunds", "https://payments.shop.example/refunds")]
    public void RefundsUri_BaseWithOrWithoutSlash_KeepsTheBasePath(string address, string path, string expected)
    {
        var options = Valid();
        options.BaseAddress = new Uri(address);
        options.RefundsPath = path;

        Assert.Equal(new Uri(expected), options.RefundsUri());
    }

    [Fact]
    public void AddHttpRefundGateway_InvalidOptions_FailsOnStartWithoutTheKey()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddHttpRefundGateway(o =>
        {
            o.BaseAddress = new Uri("http://payments.shop.example/");
            o.ApiKey = "sk_live Vb7Qm2Xr9Lt4";
        });
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("must use https", exception.Message, StringComparison.Ordinal);
        Assert.Contains("visible ASCII", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Vb7Qm2Xr9Lt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddHttpRefundGateway_AfterAnotherGateway_ReplacesItAndCanBeCalledTwice()
    {
        var services = new ServiceCollection();
        var returns = services.AddReturns().AddRefundGateway(new InMemoryRefundGateway());
        returns.AddHttpRefundGateway(o =>
        {
            o.BaseAddress = new Uri("https://payments.shop.example/");
            o.ApiKey = Key;
        });
        returns.AddHttpRefundGateway(o => o.RefundsPath = "v2/refunds", r => r.Retry.MaxRetryAttempts = 5);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.IsType<HttpRefundGateway>(Assert.Single(provider.GetServices<IRefundGateway>()));
        Assert.Equal("v2/refunds", provider.GetRequiredService<IOptions<HttpRefundGatewayOptions>>().Value.RefundsPath);
        Assert.Equal(Key, provider.GetRequiredService<IOptions<HttpRefundGatewayOptions>>().Value.ApiKey);
        var pipeline = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>().Get(provider.GetRequiredService<HttpRefundGatewayRegistration>().PipelineName);
        Assert.Equal((5, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(10)), (pipeline.Retry.MaxRetryAttempts, pipeline.TotalRequestTimeout.Timeout, pipeline.AttemptTimeout.Timeout));
    }

    [Fact]
    public void AddHttpRefundGateway_ShortTimeout_BoundsBothTheCallAndEachAttempt()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddHttpRefundGateway(o =>
        {
            o.BaseAddress = new Uri("https://payments.shop.example/");
            o.ApiKey = Key;
            o.Timeout = TimeSpan.FromSeconds(4);
        });
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var pipeline = provider.GetRequiredService<IOptionsMonitor<HttpStandardResilienceOptions>>().Get(provider.GetRequiredService<HttpRefundGatewayRegistration>().PipelineName);

        Assert.Equal((TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4)), (pipeline.TotalRequestTimeout.Timeout, pipeline.AttemptTimeout.Timeout));
    }
}
