using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Returns.AspNetCore.Internal;

namespace Returns.AspNetCore;

/// <summary>
/// Issues and validates customer session tokens: <c>keyId.payload.signature</c>, base64url, HMAC-SHA256 over the key id
/// and the payload (order number, customer id, expiry). A token is bound to one order; validation never throws for bad
/// input but says what is wrong.
/// </summary>
public sealed class PortalSessionTokens
{
    /// <summary>Longer input is rejected as malformed before any decoding.</summary>
    public const int MaximumTokenLength = 4096;

    // Bounds what a token carries so a token always fits MaximumTokenLength.
    private const int MaximumFieldLength = 512;
    private const string PayloadVersion = "1";

    // Domain separation: a label link's signature can never pass as a session's, even under the same key.
    private const string Purpose = "returns-portal-session.";

    private readonly SigningKeyRing _keys;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates the issuer.</summary>
    /// <param name="options">The portal options (keys and session lifetime).</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentException">The options are invalid; the message names the setting.</exception>
    public PortalSessionTokens(IOptions<ReturnsPortalOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _keys = SigningKeyRing.From(options.Value);
        _lifetime = options.Value.SessionLifetime;
        _timeProvider = timeProvider;
    }

    /// <summary>Issues a token for one order of one customer, signed with the current key, valid for the session lifetime.</summary>
    /// <param name="orderNumber">The order the session may see and change.</param>
    /// <param name="customerId">The customer who proved they placed it.</param>
    /// <returns>The token.</returns>
    /// <exception cref="ArgumentException">A value is blank or longer than 512 characters.</exception>
    public string Issue(string orderNumber, string customerId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(customerId);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(orderNumber.Length, MaximumFieldLength, nameof(orderNumber));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(customerId.Length, MaximumFieldLength, nameof(customerId));

        var expiresAt = _timeProvider.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds();
        var payload = SignedFields.Join(PayloadVersion, orderNumber.Trim(), customerId, expiresAt.ToString(CultureInfo.InvariantCulture));
        var signedPart = _keys.CurrentKeyId + "." + Base64Url.EncodeToString(payload);
        var signature = _keys.SignWithCurrent(Encoding.ASCII.GetBytes(Purpose + signedPart));
        return signedPart + "." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Validates a token for an order: signature (constant time), expiry, then the order it is bound to.</summary>
    /// <param name="token">The token as received; any string, including <see langword="null"/>.</param>
    /// <param name="orderNumber">The order being accessed; compared trimmed and case-insensitively, like order sources do.</param>
    /// <returns>The outcome; never throws for bad input.</returns>
    public PortalSessionValidation Validate(string? token, string? orderNumber)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaximumTokenLength)
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.Malformed);
        }

        var parts = token.Split('.');
        if (parts.Length != 3
            || !ReturnsPortalOptionsValidator.KeyIdPattern().IsMatch(parts[0])
            || !StrictBase64Url.TryDecode(parts[1], out var payload)
            || !StrictBase64Url.TryDecode(parts[2], out var signature)
            || signature.Length != HMACSHA256.HashSizeInBytes)
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.Malformed);
        }

        var signedPart = token[..(parts[0].Length + 1 + parts[1].Length)];
        if (!_keys.TrySign(parts[0], Encoding.ASCII.GetBytes(Purpose + signedPart), out var expected))
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.UnknownKey);
        }

        if (!CryptographicOperations.FixedTimeEquals(expected, signature))
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.Tampered);
        }

        // Only our own signed payloads get here; a shape we cannot read is a version we do not speak.
        if (!SignedFields.TrySplit(payload, 4, out var fields)
            || fields[0] != PayloadVersion
            || !long.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out var expiresAtSeconds)
            || expiresAtSeconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.Malformed);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(expiresAtSeconds);
        if (_timeProvider.GetUtcNow() >= expiresAt)
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.Expired);
        }

        if (orderNumber is null || !string.Equals(fields[1], orderNumber.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return PortalSessionValidation.Rejected(PortalSessionStatus.OtherOrder);
        }

        return PortalSessionValidation.Valid(new PortalSession(fields[1], fields[2], expiresAt, parts[0]));
    }
}
