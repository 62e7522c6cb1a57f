namespace Returns.Sdk.Grading;

/// <summary>
/// Condition grading as configuration, e.g. the <c>Returns:Grading</c> section of <c>appsettings.json</c>: where the
/// rules come from and the abuse-signal thresholds. Validated when the host starts: a rules file that does not load
/// stops the host with every mistake in it.
/// </summary>
public sealed class ConditionGradingOptions
{
    /// <summary>The path of a grading-rules JSON file; set this or <see cref="Rules"/>, not both.</summary>
    public string? RulesPath { get; set; }

    /// <summary>Rules loaded by the application; set this or <see cref="RulesPath"/>, not both.</summary>
    public GradingRules? Rules { get; set; }

    /// <summary>The thresholds of the <see cref="AbuseSignalDetector"/>.</summary>
    public AbuseSignalOptions AbuseSignals { get; } = new();
}
