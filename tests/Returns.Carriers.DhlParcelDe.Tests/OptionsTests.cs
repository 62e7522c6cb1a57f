using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Returns.Carriers.DhlParcelDe.Tests;

public sealed class OptionsTests
{
    private const string SecretKey = "sk-live-0f9e8d7c";
    private const string SecretPassword = "pw-Sommer2030!";

    private static IReadOnlyList<string> Failures(Action<DhlParcelDeOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddReturns().AddDhlParcelDe(o =>
        {
            DhlTestHost.Configure(o, "https://api-eu.dhl.com");
            configure(o);
        });
        using var provider = services.BuildServiceProvider();
        try
        {
            provider.GetRequiredService<IStartupValidator>().Validate();
            return [];
        }
        catch (Exception exception)
        {
            var all = exception is AggregateException aggregate ? aggregate.InnerExceptions : [exception];
            Assert.All(all, e => Assert.IsType<OptionsValidationException>(e));
            return [.. all.Cast<OptionsValidationException>().SelectMany(e => e.Failures)];
        }
    }

    [Fact]
    public void AddDhlParcelDe_CompleteOptions_Validate() =>
        Assert.Empty(Failures(_ => { }));

    [Theory]
    [InlineData("ApiKey")]
    [InlineData("Username")]
    [InlineData("Password")]
    public void AddDhlParcelDe_MissingCredential_FailsOnStartNamingTheSettingOnly(string setting)
    {
        var failures = Failures(o =>
        {
            o.ApiKey = setting == "ApiKey" ? null : SecretKey;
            o.Username = setting == "Username" ? " " : "gkp-user";
            o.Password = setting == "Password" ? null : SecretPassword;
        });

        // The HTTP client's options read these too, so the same failure may be reported twice.
        var failure = Assert.Single(failures.Distinct());
        Assert.Contains(setting + " is required", failure, StringComparison.Ordinal);
        Assert.All(failures, f =>
        {
            Assert.DoesNotContain(SecretKey, f, StringComparison.Ordinal);
            Assert.DoesNotContain(SecretPassword, f, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void AddDhlParcelDe_BadReceiverIdsAndPlainHttp_FailsOnStartNamingEach()
    {
        var failures = Failures(o =>
        {
            o.ReceiverIds["XX"] = "xx";
            o.ReceiverIds["US"] = "usa";
            o.ReceiverIds["ISL"] = "isl";
            o.ReceiverIds["DEU"] = "deu2";
            o.TrackingBaseAddress = new Uri("http://api-eu.dhl.com/");
            o.RateCard = null;
        });

        Assert.Contains(failures, f => f.Contains("ReceiverIds[XX]", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ReceiverIds[US]", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ReceiverIds[ISL]: DHL Retoure takes no returns from IS", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("ReceiverIds[DEU] names DE again", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TrackingBaseAddress must use https", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("RateCard is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AddDhlParcelDe_OnlySendersOutsideTheEu_FailsOnStart()
    {
        var failures = Failures(o =>
        {
            o.ReceiverIds.Clear();
            o.ReceiverIds["CH"] = "che";
        });

        Assert.Contains(failures, f => f.Contains("at least one sender country in the EU", StringComparison.Ordinal));
    }

    [Fact]
    public void ToString_WithSecrets_MasksThem()
    {
        var options = new DhlParcelDeOptions { ApiKey = SecretKey, Username = "gkp-user", Password = SecretPassword };
        options.ReceiverIds["DE"] = "deu";

        var text = options.ToString();

        Assert.DoesNotContain(SecretKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(SecretPassword, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("ReceiverIds = [DE]", text, StringComparison.Ordinal);
        Assert.Contains("https://api-eu.dhl.com/", text, StringComparison.Ordinal);
    }
}
