using Microsoft.Extensions.Options;
using Returns.Sdk;

namespace Returns.Carriers.Sendcloud.Internal;

internal sealed class SendcloudOptionsValidator : IValidateOptions<SendcloudOptions>
{
    private const string Prefix = "Sendcloud (Returns:Carriers:sendcloud): ";

    // Messages name the setting, never its value: the keys are secrets.
    public ValidateOptionsResult Validate(string? name, SendcloudOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.PublicKey))
        {
            failures.Add(Prefix + "PublicKey is required.");
        }

        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add(Prefix + "SecretKey is required.");
        }

        CheckAddress(failures, nameof(options.BaseAddress), options.BaseAddress);
        CheckAddress(failures, nameof(options.ServicePointsBaseAddress), options.ServicePointsBaseAddress);

        if (options.ShippingOptionCodes.Count == 0)
        {
            failures.Add(Prefix + "ShippingOptionCodes needs at least one Sendcloud shipping option code (e.g. 'postnl:small/return').");
        }
        else if (options.ShippingOptionCodes.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add(Prefix + "ShippingOptionCodes must not contain a blank code.");
        }
        else if (options.ShippingOptionCodes.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            failures.Add(Prefix + $"ShippingOptionCodes lists '{duplicate.Key}' twice.");
        }

        if (options.ReturnMethods.Contains(ReturnMethod.Mailbox))
        {
            failures.Add(Prefix + "ReturnMethods cannot contain Mailbox: Sendcloud returns offer drop-off, pickup and in-store only.");
        }

        if (options.ContractId is <= 0)
        {
            failures.Add(Prefix + "ContractId must be positive when set.");
        }

        if (options.BrandId is <= 0)
        {
            failures.Add(Prefix + "BrandId must be positive when set.");
        }

        if (options.DefaultServicePointCountry is { } country && !CountryCode.TryParse(country, out _))
        {
            failures.Add(Prefix + "DefaultServicePointCountry must be an ISO 3166-1 alpha-2 code such as 'NL'.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckAddress(List<string> failures, string setting, Uri? address)
    {
        var valid = address is { IsAbsoluteUri: true } && (address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback));
        if (!valid)
        {
            failures.Add(Prefix + $"{setting} must be an absolute https URI (http only for a loopback fake server).");
        }
    }
}
