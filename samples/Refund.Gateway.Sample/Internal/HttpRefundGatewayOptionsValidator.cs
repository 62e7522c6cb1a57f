using Microsoft.Extensions.Options;

namespace Refund.Gateway.Sample.Internal;

// Messages name the setting and what is wrong with it, never the key's value.
internal sealed class HttpRefundGatewayOptionsValidator : IValidateOptions<HttpRefundGatewayOptions>
{
    private const string Prefix = "HTTP refund gateway: ";
    private static readonly TimeSpan MinTimeout = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, HttpRefundGatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        switch (options.BaseAddress)
        {
            case null:
                failures.Add(Prefix + "BaseAddress is required.");
                break;
            case { IsAbsoluteUri: false }:
                failures.Add(Prefix + "BaseAddress must be an absolute URI.");
                break;
            case { UserInfo.Length: > 0 }:
                failures.Add(Prefix + "BaseAddress must not contain a user name or password; put the key in ApiKey.");
                break;
            case { Query.Length: > 0 } or { Fragment.Length: > 0 }:
                failures.Add(Prefix + "BaseAddress must not have a query or fragment.");
                break;
            case { Scheme: "https" }:
            case { Scheme: "http", IsLoopback: true }:
                break;
            default:
                failures.Add(Prefix + "BaseAddress must use https (http is allowed only for a loopback host such as a fake platform in tests).");
                break;
        }

        if (string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add(Prefix + "ApiKey is required.");
        }
        else if (!options.ApiKey.All(c => c is > ' ' and <= '~'))
        {
            failures.Add(Prefix + "ApiKey must be visible ASCII characters without spaces (it is sent as a bearer token).");
        }

        var path = options.RefundsPath;
        if (string.IsNullOrWhiteSpace(path))
        {
            failures.Add(Prefix + "RefundsPath is required.");
        }
        else if (path.StartsWith('/') || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal) || !Uri.IsWellFormedUriString(path, UriKind.Relative))
        {
            failures.Add(Prefix + $"RefundsPath must be a relative path without a leading slash, query or fragment, such as '{HttpRefundGatewayOptions.DefaultRefundsPath}'; got '{path}'.");
        }

        if (options.Timeout < MinTimeout || options.Timeout > MaxTimeout)
        {
            failures.Add(Prefix + $"Timeout must be {MinTimeout} to {MaxTimeout}; got {options.Timeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
