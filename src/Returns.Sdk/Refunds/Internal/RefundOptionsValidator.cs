using Microsoft.Extensions.Options;

namespace Returns.Sdk.Refunds.Internal;

internal sealed class RefundOptionsValidator : IValidateOptions<RefundOptions>
{
    public ValidateOptionsResult Validate(string? name, RefundOptions options)
    {
        var failures = new List<string>();
        if (options.ClaimLease <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(RefundOptions.ClaimLease)} must be positive; got {options.ClaimLease}.");
        }

        if (options.KeyWait < TimeSpan.Zero)
        {
            failures.Add($"{nameof(RefundOptions.KeyWait)} must not be negative; got {options.KeyWait}.");
        }

        if (options.Reasons is null)
        {
            failures.Add($"{nameof(RefundOptions.Reasons)} is required; use ReturnReasonTaxonomy.Standard or the retailer's own.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
