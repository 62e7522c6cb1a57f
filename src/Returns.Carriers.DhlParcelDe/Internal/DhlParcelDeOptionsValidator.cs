using Microsoft.Extensions.Options;

namespace Returns.Carriers.DhlParcelDe.Internal;

// Every message names the setting, never its value: the key and the password are secrets.
internal sealed class DhlParcelDeOptionsValidator : IValidateOptions<DhlParcelDeOptions>
{
    private const string Prefix = "DHL Parcel DE: ";
    private const int MaxReceiverIdLength = 50;

    public ValidateOptionsResult Validate(string? name, DhlParcelDeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        CheckAddress(options.BaseAddress, nameof(options.BaseAddress), failures);
        CheckAddress(options.LocationFinderBaseAddress, nameof(options.LocationFinderBaseAddress), failures);
        CheckAddress(options.TrackingBaseAddress, nameof(options.TrackingBaseAddress), failures);
        Require(options.ApiKey, nameof(options.ApiKey), failures);
        Require(options.Username, nameof(options.Username), failures);
        Require(options.Password, nameof(options.Password), failures);
        if (options.Username?.Contains(':', StringComparison.Ordinal) == true)
        {
            failures.Add(Prefix + "Username must not contain ':' (HTTP Basic separates user and password with it).");
        }

        if (options.ReceiverIds.Count == 0)
        {
            failures.Add(Prefix + "ReceiverIds needs at least one sender country and its receiver id from the business customer portal (e.g. DE = deu).");
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var anyInEu = false;
        foreach (var (key, receiverId) in options.ReceiverIds)
        {
            if (!DhlCountries.TryParseConfigured(key, out var country))
            {
                failures.Add($"{Prefix}ReceiverIds[{Printable(key)}] is not an ISO 3166-1 alpha-2 or alpha-3 code of a country in the EU, the EEA, Switzerland or the United Kingdom.");
                continue;
            }

            if (!DhlCountries.IsReturnSender(country))
            {
                failures.Add($"{Prefix}ReceiverIds[{Printable(key)}]: DHL Retoure takes no returns from {country}.");
            }

            if (string.IsNullOrWhiteSpace(receiverId) || receiverId.Trim().Length > MaxReceiverIdLength)
            {
                failures.Add($"{Prefix}ReceiverIds[{Printable(key)}] needs a receiver id of 1 to {MaxReceiverIdLength} characters.");
            }

            anyInEu |= country.IsEuMember;
            if (!seen.TryAdd(country.Value, key))
            {
                failures.Add($"{Prefix}ReceiverIds[{Printable(key)}] names {country} again (also as '{Printable(seen[country.Value])}').");
            }
        }

        if (options.ReceiverIds.Count > 0 && !anyInEu)
        {
            failures.Add(Prefix + "ReceiverIds needs at least one sender country in the EU: returns from Switzerland, Norway and the United Kingdom need customs item data the SDK does not carry yet.");
        }

        if (options.RateCard is null)
        {
            failures.Add(Prefix + "RateCard is required: DHL has no rates API for returns, so the adapter quotes from a rate card.");
        }
        else if (options.RateCard.FindService(DhlParcelDeCarrier.Id, DhlParcelDeCarrier.ReturnServiceCode) is null)
        {
            failures.Add($"{Prefix}RateCard has no rows for carrier '{DhlParcelDeCarrier.Id}', service '{DhlParcelDeCarrier.ReturnServiceCode}'.");
        }

        if (options.Zones is null)
        {
            failures.Add(Prefix + "Zones (the zone chart of the rate card) is required.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(string? value, string setting, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Prefix}{setting} is required (Returns:Carriers:{DhlParcelDeCarrier.Id}:{setting}).");
        }
    }

    private static void CheckAddress(Uri? address, string setting, List<string> failures)
    {
        switch (address)
        {
            case null:
                failures.Add($"{Prefix}{setting} is required.");
                break;
            case { IsAbsoluteUri: false }:
                failures.Add($"{Prefix}{setting} must be an absolute URI.");
                break;
            case { Scheme: "https" }:
            case { Scheme: "http", IsLoopback: true }:
                break;
            default:
                failures.Add($"{Prefix}{setting} must use https (http is allowed only for loopback hosts such as a fake server).");
                break;
        }
    }

    // A configuration key is the retailer's text, not a secret; still keep a garbled one short and printable.
    private static string Printable(string key) =>
        key.Length <= 8 && key.All(char.IsAsciiLetterOrDigit) ? key : "?";
}
