using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Returns.Sdk.DependencyInjection;
using Returns.Sdk.Grading;
using Returns.Sdk.Grading.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers condition grading: the rules, the grader, the disposition router and the abuse-signal detector.</summary>
public static class GradingReturnsBuilderExtensions
{
    /// <summary>
    /// Loads the grading rules from a JSON file when the host starts (every mistake in it stops the host) and registers
    /// <see cref="GradingRules"/>, <see cref="ConditionGrader"/>, <see cref="DispositionRouter"/> and
    /// <see cref="AbuseSignalDetector"/> as singletons.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="rulesPath">The rules file, see <c>docs/formats/grading-rules.md</c>.</param>
    /// <param name="configureAbuseSignals">Adjusts the abuse-signal thresholds.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddConditionGrading(this IReturnsBuilder builder, string rulesPath, Action<AbuseSignalOptions>? configureAbuseSignals = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rulesPath);
        return builder.AddConditionGrading(options =>
        {
            options.RulesPath = rulesPath;
            options.Rules = null;
            configureAbuseSignals?.Invoke(options.AbuseSignals);
        });
    }

    /// <summary>Like <see cref="AddConditionGrading(IReturnsBuilder, string, Action{AbuseSignalOptions}?)"/> with rules the application loaded itself.</summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="rules">The rules.</param>
    /// <param name="configureAbuseSignals">Adjusts the abuse-signal thresholds.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddConditionGrading(this IReturnsBuilder builder, GradingRules rules, Action<AbuseSignalOptions>? configureAbuseSignals = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return builder.AddConditionGrading(options =>
        {
            options.Rules = rules;
            options.RulesPath = null;
            configureAbuseSignals?.Invoke(options.AbuseSignals);
        });
    }

    /// <summary>
    /// Registers condition grading from <see cref="ConditionGradingOptions"/> (validated when the host starts), adjusted
    /// by <paramref name="configure"/>. Safe to call more than once: services are added once, and every call's
    /// configuration runs in order.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <param name="configure">Sets where the rules come from and the thresholds; runs after configuration bound earlier.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddConditionGrading(this IReturnsBuilder builder, Action<ConditionGradingOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        builder.AddConditionGrading();
        builder.Services.Configure(configure);
        return builder;
    }

    /// <summary>
    /// Registers condition grading from <see cref="ConditionGradingOptions"/> configured elsewhere, e.g. bound from the
    /// <c>Returns:Grading</c> configuration section by the host.
    /// </summary>
    /// <param name="builder">The returns builder.</param>
    /// <returns>The builder.</returns>
    public static IReturnsBuilder AddConditionGrading(this IReturnsBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptionsWithValidateOnStart<ConditionGradingOptions>();
        services.TryAddSingleton<GradingRulesFileCache>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConditionGradingOptions>, ConditionGradingOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConditionGradingOptions>>().Value;
            return options.Rules ?? sp.GetRequiredService<GradingRulesFileCache>().Load(options.RulesPath!);
        });
        services.TryAddSingleton(sp => new ConditionGrader(sp.GetRequiredService<GradingRules>()));
        services.TryAddSingleton(sp => new DispositionRouter(sp.GetRequiredService<GradingRules>()));
        services.TryAddSingleton(sp => new AbuseSignalDetector(sp.GetRequiredService<IOptions<ConditionGradingOptions>>().Value.AbuseSignals, sp.GetRequiredService<TimeProvider>()));
        return builder;
    }
}
