using Microsoft.Extensions.Options;

namespace Returns.Carriers.Http.Internal;

internal sealed class CarrierHttpOptionsValidator : IValidateOptions<CarrierHttpOptions>
{
    private static readonly TimeSpan TenMinutes = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, CarrierHttpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var prefix = $"Carrier '{name}' HTTP options: ";
        var failures = new List<string>();
        switch (options.BaseAddress)
        {
            case null:
                failures.Add(prefix + "BaseAddress is required.");
                break;
            case { IsAbsoluteUri: false }:
                failures.Add(prefix + "BaseAddress must be an absolute URI.");
                break;
            case { Scheme: "https" }:
                break;
            case { Scheme: "http", IsLoopback: true }:
                break;
            default:
                failures.Add(prefix + "BaseAddress must use https (http is allowed only for loopback hosts such as a fake carrier server).");
                break;
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add(prefix + $"MaxRetryAttempts must be 0 to 10; got {options.MaxRetryAttempts}.");
        }

        Range(failures, prefix, nameof(options.RetryBaseDelay), options.RetryBaseDelay, TimeSpan.FromMilliseconds(1), TimeSpan.FromMinutes(1));
        Range(failures, prefix, nameof(options.MaxRetryAfter), options.MaxRetryAfter, TimeSpan.FromMilliseconds(1), TenMinutes);
        Range(failures, prefix, nameof(options.AttemptTimeout), options.AttemptTimeout, TimeSpan.FromMilliseconds(10), TenMinutes);
        Range(failures, prefix, nameof(options.TotalTimeout), options.TotalTimeout, TimeSpan.FromMilliseconds(10), TenMinutes);
        if (options.AttemptTimeout > options.TotalTimeout)
        {
            failures.Add(prefix + $"AttemptTimeout ({options.AttemptTimeout}) must not exceed TotalTimeout ({options.TotalTimeout}).");
        }

        if (!(options.CircuitBreakerFailureRatio > 0 && options.CircuitBreakerFailureRatio <= 1))
        {
            failures.Add(prefix + $"CircuitBreakerFailureRatio must be above 0 and at most 1; got {options.CircuitBreakerFailureRatio}.");
        }

        if (options.CircuitBreakerMinimumThroughput < 2)
        {
            failures.Add(prefix + $"CircuitBreakerMinimumThroughput must be at least 2; got {options.CircuitBreakerMinimumThroughput}.");
        }

        Range(failures, prefix, nameof(options.CircuitBreakerSamplingDuration), options.CircuitBreakerSamplingDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        Range(failures, prefix, nameof(options.CircuitBreakerBreakDuration), options.CircuitBreakerBreakDuration, TimeSpan.FromMilliseconds(500), TimeSpan.FromDays(1));
        if (string.IsNullOrWhiteSpace(options.IdempotencyKeyHeader))
        {
            failures.Add(prefix + "IdempotencyKeyHeader must not be blank.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Range(List<string> failures, string prefix, string property, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add(prefix + $"{property} must be {min} to {max}; got {value}.");
        }
    }
}
