using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Returns.Sdk.Grading.Internal;

// Loads a rules file once per path, whether options validation or the service that needs the rules asks first.
internal sealed class GradingRulesFileCache
{
    private readonly ConcurrentDictionary<string, Lazy<GradingRules>> _loaded = new(StringComparer.Ordinal);

    public GradingRules Load(string path) =>
        _loaded.GetOrAdd(path, p => new Lazy<GradingRules>(() => GradingRules.LoadFile(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}

internal sealed class ConditionGradingOptionsValidator(GradingRulesFileCache cache) : IValidateOptions<ConditionGradingOptions>
{
    public ValidateOptionsResult Validate(string? name, ConditionGradingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = AbuseSignalOptionsRules.Check(options.AbuseSignals, $"{nameof(options.AbuseSignals)}.").Select(e => e.ToString()).ToList();
        var hasPath = !string.IsNullOrWhiteSpace(options.RulesPath);
        if (hasPath == (options.Rules is not null))
        {
            failures.Add($"{nameof(options.RulesPath)}: set either {nameof(options.RulesPath)} (a grading-rules JSON file) or {nameof(options.Rules)}, exactly one of them.");
        }
        else if (hasPath)
        {
            try
            {
                cache.Load(options.RulesPath!);
            }
            catch (ReturnsValidationException exception)
            {
                failures.AddRange(exception.Errors.Select(e => e.ToString()));
            }
            catch (IOException exception)
            {
                failures.Add($"{nameof(options.RulesPath)}: cannot read '{options.RulesPath}': {exception.Message}");
            }
            catch (UnauthorizedAccessException exception)
            {
                failures.Add($"{nameof(options.RulesPath)}: cannot read '{options.RulesPath}': {exception.Message}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
