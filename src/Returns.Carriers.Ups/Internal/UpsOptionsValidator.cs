using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Returns.Carriers.Ups.Internal;

// Messages name the setting that is wrong, never its value: ClientSecret is a secret and ClientId half a credential.
internal sealed partial class UpsOptionsValidator : IValidateOptions<UpsOptions>
{
    private const string Prefix = "UPS (Returns:Carriers:ups): ";

    public ValidateOptionsResult Validate(string? name, UpsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            failures.Add(Prefix + "ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(options.ClientSecret))
        {
            failures.Add(Prefix + "ClientSecret is required.");
        }

        if (options.AccountNumber is null || !AccountNumberPattern().IsMatch(options.AccountNumber))
        {
            failures.Add(Prefix + "AccountNumber is required: the six letters and digits of the UPS account that pays for return labels.");
        }

        if (options.BaseAddress is not { IsAbsoluteUri: true } address || !(address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback)))
        {
            failures.Add(Prefix + "BaseAddress must be an absolute https URI (http only for a loopback fake server).");
        }

        foreach (var (setting, value) in new[] { ("ShippingVersion", options.ShippingVersion), ("RatingVersion", options.RatingVersion), ("LocatorVersion", options.LocatorVersion), ("LabelRecoveryVersion", options.LabelRecoveryVersion) })
        {
            if (value is null || !VersionPattern().IsMatch(value))
            {
                failures.Add(Prefix + setting + " must look like v1, v3 or v2409.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.TransactionSource) || options.TransactionSource.Length > 512)
        {
            failures.Add(Prefix + "TransactionSource must be 1 to 512 characters.");
        }

        if (options.Locale is null || !LocalePattern().IsMatch(options.Locale))
        {
            failures.Add(Prefix + "Locale must look like en_US.");
        }

        if (options.TokenRefreshMargin < TimeSpan.Zero || options.TokenRefreshMargin > TimeSpan.FromHours(1))
        {
            failures.Add(Prefix + "TokenRefreshMargin must be 0 to 1 hour.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^[A-Za-z0-9]{6}$")]
    private static partial Regex AccountNumberPattern();

    [GeneratedRegex("^v[0-9]{1,4}$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex("^[a-z]{2}_[A-Z]{2}$")]
    private static partial Regex LocalePattern();
}
