using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Returns.AspNetCore.Internal;

// Messages name the setting and the key id, never a key's value: the messages end up in logs and exception reports.
internal sealed partial class ReturnsPortalOptionsValidator : IValidateOptions<ReturnsPortalOptions>
{
    internal const int MinimumKeyBytes = 32;
    private const string Prefix = "Returns portal (ReturnsPortalOptions): ";
    private static readonly TimeSpan MaximumLifetime = TimeSpan.FromDays(1);

    public ValidateOptionsResult Validate(string? name, ReturnsPortalOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Check(ReturnsPortalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.SigningKeys.Count == 0)
        {
            failures.Add(Prefix + "SigningKeys needs at least one key (the base64 of at least 32 random bytes).");
        }

        foreach (var (id, value) in options.SigningKeys)
        {
            if (id is null || !KeyIdPattern().IsMatch(id))
            {
                failures.Add(Prefix + "SigningKeys: a key id must be 1 to 32 letters, digits, '-' or '_'.");
                continue;
            }

            if (TryDecodeKey(value) is not { Length: >= MinimumKeyBytes })
            {
                failures.Add(Prefix + $"SigningKeys[\"{id}\"] must be the base64 of at least {MinimumKeyBytes} random bytes.");
            }
        }

        if (string.IsNullOrEmpty(options.CurrentSigningKeyId))
        {
            if (options.SigningKeys.Count > 1)
            {
                failures.Add(Prefix + "CurrentSigningKeyId is required when more than one signing key is configured.");
            }
        }
        else if (!options.SigningKeys.ContainsKey(options.CurrentSigningKeyId))
        {
            failures.Add(Prefix + "CurrentSigningKeyId must be the id of one of the SigningKeys.");
        }

        if (options.SessionLifetime <= TimeSpan.Zero || options.SessionLifetime > MaximumLifetime)
        {
            failures.Add(Prefix + "SessionLifetime must be more than zero and at most one day.");
        }

        if (options.LinkLifetime <= TimeSpan.Zero || options.LinkLifetime > MaximumLifetime)
        {
            failures.Add(Prefix + "LinkLifetime must be more than zero and at most one day.");
        }

        foreach (var origin in options.HostOrigins)
        {
            if (!IsOrigin(origin))
            {
                failures.Add(Prefix + $"HostOrigins: '{origin}' is not an origin; write scheme, host and optional port, e.g. https://shop.example.");
            }
        }

        if (options.LookupsPerWindow is < 1 or > 10_000)
        {
            failures.Add(Prefix + "LookupsPerWindow must be between 1 and 10000.");
        }

        if (options.LookupWindow < TimeSpan.FromSeconds(1) || options.LookupWindow > MaximumLifetime)
        {
            failures.Add(Prefix + "LookupWindow must be at least one second and at most one day.");
        }

        return failures;
    }

    internal static bool IsOrigin(string? origin) =>
        origin is not null
        && Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && string.Equals(uri.GetLeftPart(UriPartial.Authority), origin, StringComparison.OrdinalIgnoreCase);

    internal static byte[]? TryDecodeKey(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var buffer = new byte[(value.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(value.Trim(), buffer, out var written) ? buffer[..written] : null;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    internal static partial Regex KeyIdPattern();
}
