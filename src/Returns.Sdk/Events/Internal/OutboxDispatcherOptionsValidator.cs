using Microsoft.Extensions.Options;

namespace Returns.Sdk.Events.Internal;

internal sealed class OutboxDispatcherOptionsValidator : IValidateOptions<OutboxDispatcherOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboxDispatcherOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        Range(failures, nameof(options.PollInterval), options.PollInterval, TimeSpan.FromMilliseconds(10), TimeSpan.FromHours(1));
        if (options.BatchSize is < 1 or > 1000)
        {
            failures.Add($"{nameof(options.BatchSize)} must be 1 to 1000; it is {options.BatchSize}.");
        }

        Range(failures, nameof(options.Lease), options.Lease, TimeSpan.FromSeconds(1), TimeSpan.FromDays(1));
        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{nameof(options.MaxAttempts)} must be 1 to 100; it is {options.MaxAttempts}.");
        }

        Range(failures, nameof(options.InitialBackoff), options.InitialBackoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(1));
        Range(failures, nameof(options.MaxBackoff), options.MaxBackoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromDays(7));
        if (options.InitialBackoff > options.MaxBackoff)
        {
            failures.Add($"{nameof(options.InitialBackoff)} ({options.InitialBackoff}) must not exceed {nameof(options.MaxBackoff)} ({options.MaxBackoff}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static void ThrowIfInvalid(OutboxDispatcherOptions options)
    {
        var result = new OutboxDispatcherOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(OutboxDispatcherOptions), result.Failures);
        }
    }

    private static void Range(List<string> failures, string property, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{property} must be {min} to {max}; it is {value}.");
        }
    }
}
