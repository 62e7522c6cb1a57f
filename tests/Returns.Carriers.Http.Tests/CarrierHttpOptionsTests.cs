using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Returns.Carriers.Http.Tests;

public sealed class CarrierHttpOptionsTests
{
    private static void ValidateOnStart(Action<CarrierHttpOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddCarrierHttpClient("ups", configure);
        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
    }

    [Theory]
    [InlineData("http://api.ups.example/")]
    [InlineData("ftp://api.ups.example/")]
    public void AddCarrierHttpClient_InsecureBaseAddress_FailsOnStart(string address)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(o => o.BaseAddress = new Uri(address)));

        Assert.Contains("https", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddCarrierHttpClient_MissingBaseAddressAndBadTimeouts_ListsEveryProblem()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => ValidateOnStart(o =>
        {
            o.AttemptTimeout = TimeSpan.FromMinutes(2);
            o.TotalTimeout = TimeSpan.FromMinutes(1);
            o.MaxRetryAttempts = 11;
            o.CircuitBreakerMinimumThroughput = 1;
        }));

        Assert.Contains(exception.Failures, f => f.Contains("BaseAddress is required", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("must not exceed TotalTimeout", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("MaxRetryAttempts", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("MinimumThroughput", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://api.ups.example/")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://127.0.0.1:8080/")]
    public void AddCarrierHttpClient_HttpsOrLoopback_IsValid(string address) => ValidateOnStart(o => o.BaseAddress = new Uri(address));

    [Fact]
    public void AddCarrierHttpClient_FromConfiguration_BindsNamedOptions()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BaseAddress"] = "https://api.ups.example/",
            ["MaxRetryAttempts"] = "5",
            ["AttemptTimeout"] = "00:00:02",
        }).Build();
        var services = new ServiceCollection();
        services.AddReturns().AddCarrierHttpClient("ups", configuration, o => o.TotalTimeout = TimeSpan.FromSeconds(20));
        services.AddReturns().AddCarrierHttpClient("dhl", o => o.BaseAddress = new Uri("https://api.dhl.example/"));
        using var provider = services.BuildServiceProvider();

        var monitor = provider.GetRequiredService<IOptionsMonitor<CarrierHttpOptions>>();
        var ups = monitor.Get("ups");

        Assert.Equal(new Uri("https://api.ups.example/"), ups.BaseAddress);
        Assert.Equal(5, ups.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), ups.AttemptTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), ups.TotalTimeout);
        Assert.Equal(3, monitor.Get("dhl").MaxRetryAttempts);
        Assert.Equal(new Uri("https://api.ups.example/"), provider.GetRequiredService<IHttpClientFactory>().CreateCarrierClient("ups").BaseAddress);
    }
}
