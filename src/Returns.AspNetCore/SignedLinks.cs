using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Returns.AspNetCore.Internal;

namespace Returns.AspNetCore;

/// <summary>
/// Creates and validates signed, expiring links for label downloads:
/// <c>/path?rma=…&amp;file=…&amp;exp=…&amp;kid=…&amp;sig=…</c>, where <c>sig</c> is HMAC-SHA256 over the path, the RMA,
/// the attachment name, the expiry and the key id. Validation never throws for bad input but says what is wrong.
/// </summary>
public sealed partial class SignedLinks
{
    /// <summary>Longer input is rejected as malformed before any parsing.</summary>
    public const int MaximumLinkLength = 8192;

    private const int MaximumValueLength = 256;

    // Domain separation: a session token's signature can never pass as a link's, even under the same key.
    private const string Purpose = "returns-label-link";

    private readonly SigningKeyRing _keys;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the link signer.</summary>
    /// <param name="options">The portal options (keys and link lifetime).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public SignedLinks(IOptions<ReturnsPortalOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = SigningKeyRing.From(options.Value);
        _lifetime = options.Value.LinkLifetime;
        _timeProvider = timeProvider;
    }

    /// <summary>Creates a link to one attachment of one return, signed with the current key, valid for the link lifetime.</summary>
    /// <param name="path">An absolute path such as <c>/returns/labels</c>: letters, digits and <c>/ . _ ~ -</c> only.</param>
    /// <param name="rma">The return merchandise authorisation number.</param>
    /// <param name="attachmentName">The attachment, e.g. <c>label.pdf</c>.</param>
    /// <returns>The path with its query string; relative, so the host decides the origin.</returns>
    /// <exception cref="ArgumentException">The path has another shape, or a value is blank or longer than 256 characters.</exception>
    public string Create(string path, string rma, string attachmentName)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!PathPattern().IsMatch(path))
        {
            throw new ArgumentException("The path must start with '/' and hold only letters, digits and / . _ ~ -.", nameof(path));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(rma);
        ArgumentException.ThrowIfNullOrWhiteSpace(attachmentName);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rma.Length, MaximumValueLength, nameof(rma));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(attachmentName.Length, MaximumValueLength, nameof(attachmentName));

        var expires = _timeProvider.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = _keys.SignWithCurrent(SignedFields.Join(Purpose, _keys.CurrentKeyId, path, rma, attachmentName, expires));
        return path
            + "?rma=" + Uri.EscapeDataString(rma)
            + "&file=" + Uri.EscapeDataString(attachmentName)
            + "&exp=" + expires
            + "&kid=" + _keys.CurrentKeyId
            + "&sig=" + Base64Url.EncodeToString(signature);
    }

    /// <summary>Validates a link as requested: signature (constant time), then expiry.</summary>
    /// <param name="pathAndQuery">
    /// The request's path and query string as received (in ASP.NET Core <c>Request.Path + Request.QueryString</c>); any
    /// string, including <see langword="null"/>. Other query parameters are ignored.
    /// </param>
    /// <returns>The outcome; never throws for bad input. Serve only <see cref="SignedLinkValidation.Link"/>'s values.</returns>
    public SignedLinkValidation Validate(string? pathAndQuery)
    {
        if (string.IsNullOrEmpty(pathAndQuery) || pathAndQuery.Length > MaximumLinkLength)
        {
            return SignedLinkValidation.Rejected(SignedLinkStatus.Malformed);
        }

        var queryStart = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        if (queryStart <= 0)
        {
            return SignedLinkValidation.Rejected(SignedLinkStatus.Malformed);
        }

        var path = pathAndQuery[..queryStart];
        var query = QueryHelpers.ParseQuery(pathAndQuery[queryStart..]);
        if (!TryGetSingle(query, "rma", out var rma)
            || !TryGetSingle(query, "file", out var attachmentName)
            || !TryGetSingle(query, "exp", out var expires)
            || !TryGetSingle(query, "kid", out var keyId)
            || !TryGetSingle(query, "sig", out var signatureText)
            || !PathPattern().IsMatch(path)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAtSeconds)
            || expiresAtSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            || !StrictBase64Url.TryDecode(signatureText, out var signature)
            || signature.Length != HMACSHA256.HashSizeInBytes)
        {
            return SignedLinkValidation.Rejected(SignedLinkStatus.Malformed);
        }

        if (!_keys.TrySign(keyId, SignedFields.Join(Purpose, keyId, path, rma, attachmentName, expires), out var expected))
        {
            return SignedLinkValidation.Rejected(SignedLinkStatus.UnknownKey);
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return SignedLinkValidation.Rejected(SignedLinkStatus.Tampered);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAtSeconds);
        return _timeProvider.GetUtcNow() >= expiresAt
            ? SignedLinkValidation.Rejected(SignedLinkStatus.Expired)
            : SignedLinkValidation.Valid(new SignedLink(path, rma, attachmentName, expiresAt));
    }

    private static bool TryGetSingle(Dictionary<string, StringValues> query, string name, out string value)
    {
        value = string.Empty;
        if (!query.TryGetValue(name, out var values) || values.Count != 1 || string.IsNullOrEmpty(values[0]))
        {
            return false;
        }

        value = values[0]!;
        return true;
    }

    [GeneratedRegex("^/[A-Za-z0-9._~/-]*$")]
    private static partial Regex PathPattern();
}
