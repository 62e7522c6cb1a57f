using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Returns.Sdk.Grading;
using static Returns.Sdk.Tests.Grading.GradingFixtures;

namespace Returns.Sdk.Tests.Grading;

public sealed class GradingDependencyInjectionTests
{
    [Fact]
    public void AddConditionGrading_FromAFile_LoadsOnStartAndRegistersEverything()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddConditionGrading(ShippedPath, o => o.WardrobingCount = 3);
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        provider.GetRequiredService<IStartupValidator>().Validate();

        var rules = provider.GetRequiredService<GradingRules>();
        Assert.Equal("demo-shop-grading", rules.Name);
        Assert.Same(rules, provider.GetRequiredService<ConditionGrader>().Rules);
        Assert.Same(rules, provider.GetRequiredService<DispositionRouter>().Rules);
        Assert.NotNull(provider.GetRequiredService<AbuseSignalDetector>());
        Assert.Equal(3, provider.GetRequiredService<IOptions<ConditionGradingOptions>>().Value.AbuseSignals.WardrobingCount);
    }

    [Fact]
    public void AddConditionGrading_AnInstanceTwice_RegistersOnceAndUsesTheHostsClock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 1, 1, 12, 0, 0, TimeSpan.Zero));
        var rules = Rules();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddReturns().AddConditionGrading(rules);
        services.AddReturns().AddConditionGrading(rules);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Same(rules, provider.GetRequiredService<GradingRules>());
        Assert.Single(provider.GetServices<ConditionGrader>());
        var history = new CustomerReturnHistory([], [
            new PastReturnLine("R1", clock.GetUtcNow().AddDays(-10), "toys", ReturnReason.ChangedMind) { Discrepancy = DiscrepancySeverity.Severe },
            new PastReturnLine("R2", clock.GetUtcNow().AddDays(-1), "toys", ReturnReason.ChangedMind) { Discrepancy = DiscrepancySeverity.Severe },
        ]);

        // Only a detector on the host's clock (2031) sees both returns inside its window.
        Assert.Equal(AbuseSignalKind.RepeatedDiscrepancies, Assert.Single(provider.GetRequiredService<AbuseSignalDetector>().Detect(history)).Kind);
    }

    [Fact]
    public void AddConditionGrading_MalformedFile_FailsOnStartWithEveryMistake()
    {
        var path = Path.Combine(Path.GetTempPath(), $"grading-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, RulesJson(d =>
        {
            Default(d)["rules"]![0]!["then"]!["grade"] = "E";
            Default(d)["dispositions"]!["C"] = Json("""["resell"]""");
        }));
        try
        {
            var services = new ServiceCollection();
            services.AddReturns().AddConditionGrading(path);
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Equal(2, error.Failures.Count());
            Assert.All(error.Failures, f => Assert.StartsWith(path + "(", f, StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.Contains("$.default.rules[0].then.grade", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AddConditionGrading_MissingFile_FailsOnStart()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddConditionGrading(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.json"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("RulesPath: cannot read", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddConditionGrading_NeitherPathNorRules_FailsOnStart()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddConditionGrading();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConditionGrader>());

        Assert.Contains("exactly one of them", Assert.Single(error.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void AddConditionGrading_InvalidThresholds_FailOnStartNamingTheOption()
    {
        var services = new ServiceCollection();
        services.AddReturns().AddConditionGrading(Rules(), o => o.SerialReturnRatio = 0m);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.StartsWith("AbuseSignals.SerialReturnRatio: ", Assert.Single(error.Failures), StringComparison.Ordinal);
    }
}
