using Microsoft.Extensions.Options;

namespace Carrier.Adapter.Sample.Internal;

internal sealed class AcmeParcelOptionsValidator : IValidateOptions<AcmeParcelOptions>
{
    public ValidateOptionsResult Validate(string? name, AcmeParcelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The message names the setting, never its value: the key is a secret.
        return string.IsNullOrWhiteSpace(options.ApiKey)
            ? ValidateOptionsResult.Fail("Acme Parcel: ApiKey is required (Returns:Carriers:acme-parcel:ApiKey).")
            : ValidateOptionsResult.Success;
    }
}
