using Microsoft.Extensions.Options;

namespace Returns.Sdk.Lifecycle.Internal;

internal sealed class ReturnLifecycleOptionsValidator : IValidateOptions<ReturnLifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, ReturnLifecycleOptions options)
    {
        var failures = new List<string>();
        if (options.ClaimLease <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(ReturnLifecycleOptions.ClaimLease)} must be positive; it is {options.ClaimLease}.");
        }

        if (options.KeyWait < TimeSpan.Zero)
        {
            failures.Add($"{nameof(ReturnLifecycleOptions.KeyWait)} must not be negative; it is {options.KeyWait}.");
        }

        if (options.AuthorizationDays is < 1 or > 366)
        {
            failures.Add($"{nameof(ReturnLifecycleOptions.AuthorizationDays)} must be between 1 and 366; it is {options.AuthorizationDays}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
