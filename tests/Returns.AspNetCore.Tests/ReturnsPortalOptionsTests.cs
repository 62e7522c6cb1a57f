using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Returns.Sdk.Orders;
using static Returns.AspNetCore.Tests.PortalSecurityFixtures;

namespace Returns.AspNetCore.Tests;

public sealed class ReturnsPortalOptionsTests
{
    [Fact]
    public void Defaults_SessionThirtyMinutesLinkFifteen()
    {
        var options = new ReturnsPortalOptions();

        Assert.Equal(TimeSpan.FromMinutes(30), options.SessionLifetime);
        Assert.Equal(TimeSpan.FromMinutes(15), options.LinkLifetime);
    }

    [Fact]
    public void AddReturnsPortal_ValidOptions_ResolvesServices()
    {
        using var provider = Provider(o => o.SigningKeys["k1"] = Key(1));

        var tokens = provider.GetRequiredService<PortalSessionTokens>();
        Assert.True(tokens.Validate(tokens.Issue("ORD-1", "C-1"), "ORD-1").IsValid);
        Assert.NotNull(provider.GetRequiredService<SignedLinks>());
        Assert.NotNull(provider.GetRequiredService<OrderLookupGuard>());
    }

    [Fact]
    public void AddReturnsPortal_ShortKey_FailsNamingTheOptionNotTheKey()
    {
        var shortKey = Key(9, 31);
        using var provider = Provider(o => o.SigningKeys["k1"] = shortKey);

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReturnsPortalOptions>>().Value);

        Assert.Contains("SigningKeys[\"k1\"]", exception.Message, StringComparison.Ordinal);
        Assert.Contains("32", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("not-base64")]
    [InlineData("two-keys-no-current")]
    [InlineData("current-unknown")]
    [InlineData("bad-key-id")]
    [InlineData("zero-session")]
    [InlineData("long-link")]
    public void AddReturnsPortal_InvalidOptions_FailsOnStart(string problem)
    {
        using var provider = Provider(o =>
        {
            switch (problem)
            {
                case "not-base64": o.SigningKeys["k1"] = "this is not base64 at all, not even close!!"; break;
                case "two-keys-no-current": o.SigningKeys["k1"] = Key(1); o.SigningKeys["k2"] = Key(2); break;
                case "current-unknown": o.SigningKeys["k1"] = Key(1); o.CurrentSigningKeyId = "k2"; break;
                case "bad-key-id": o.SigningKeys["k.1"] = Key(1); break;
                case "zero-session": o.SigningKeys["k1"] = Key(1); o.SessionLifetime = TimeSpan.Zero; break;
                case "long-link": o.SigningKeys["k1"] = Key(1); o.LinkLifetime = TimeSpan.FromDays(2); break;
                default: break;
            }
        });

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<ReturnsPortalOptions>>().Value);
        Assert.Contains("ReturnsPortalOptions", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsArgumentException()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new ReturnsPortalOptions { SigningKeys = { ["k1"] = Key(1, 8) } });

        Assert.Throws<ArgumentException>(() => new PortalSessionTokens(options, TimeProvider.System));
        Assert.Throws<ArgumentException>(() => new SignedLinks(options, TimeProvider.System));
    }

    private static ServiceProvider Provider(Action<ReturnsPortalOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOrderSource>(new InMemoryOrderSource());
        services.AddReturns().AddReturnsPortal(configure);
        return services.BuildServiceProvider();
    }
}
