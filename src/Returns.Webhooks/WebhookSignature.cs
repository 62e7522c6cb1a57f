using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Returns.Webhooks;

/// <summary>
/// Signs webhook requests and checks them at the receiver. The signature is
/// <c>t=&lt;unix seconds&gt;,v1=&lt;lowercase hex HMAC-SHA256(secret, "&lt;t&gt;." + body bytes)&gt;</c>, one <c>v1</c> per
/// secret; the secret's UTF-8 bytes are the key. Signing the timestamp with the body lets receivers refuse replays.
/// </summary>
public static class WebhookSignature
{
    private const string TimestampKey = "t";
    private const string SignatureKey = "v1";
    private const int MaxHeaderLength = 4096;
    private const int HashBytes = 32;

    /// <summary>The tolerance receivers are advised to use: 5 minutes.</summary>
    public static TimeSpan DefaultTolerance { get; } = TimeSpan.FromMinutes(5);

    /// <summary>Computes the <c>Returns-Signature</c> header value for a body.</summary>
    /// <param name="secrets">The secrets, at least one; the header carries one <c>v1</c> per secret, in this order.</param>
    /// <param name="timestamp">The signing time; whole seconds are signed.</param>
    /// <param name="body">The exact request body bytes.</param>
    /// <returns>The header value.</returns>
    /// <exception cref="ArgumentException">No secrets, or an empty one.</exception>
    public static string Compute(IReadOnlyList<string> secrets, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        CheckSecrets(secrets);
        var t = timestamp.ToUnixTimeSeconds();
        var header = new StringBuilder(TimestampKey).Append('=').Append(t.ToString(CultureInfo.InvariantCulture));
        Span<byte> hash = stackalloc byte[HashBytes];
        foreach (var secret in secrets)
        {
            Sign(secret, t, body, hash);
            header.Append(',').Append(SignatureKey).Append('=').Append(Convert.ToHexStringLower(hash));
        }

        return header.ToString();
    }

    /// <summary>
    /// Checks a request's <c>Returns-Signature</c> header against its raw body, in constant time per comparison. Read
    /// the body as bytes before any JSON parsing: re-serialized JSON does not verify.
    /// </summary>
    /// <param name="secrets">The secrets the receiver accepts, at least one (during a rotation, the old and the new).</param>
    /// <param name="header">The header value, or <see langword="null"/> when absent.</param>
    /// <param name="body">The exact request body bytes.</param>
    /// <param name="now">The receiver's current time.</param>
    /// <param name="tolerance">How far the signed time may be from <paramref name="now"/>, either way; <see cref="DefaultTolerance"/> suits most.</param>
    /// <returns>Whether to accept the request; only <see cref="WebhookSignatureResult.Valid"/> means yes.</returns>
    /// <exception cref="ArgumentException">No secrets, or an empty one.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A negative tolerance.</exception>
    public static WebhookSignatureResult Verify(IReadOnlyList<string> secrets, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        CheckSecrets(secrets);
        ArgumentOutOfRangeException.ThrowIfLessThan(tolerance, TimeSpan.Zero);
        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookSignatureResult.Missing;
        }

        if (!TryParse(header, out var t, out var signatures))
        {
            return WebhookSignatureResult.Malformed;
        }

        if (!Matches(secrets, t, body, signatures))
        {
            return WebhookSignatureResult.Mismatch;
        }

        // Checked after the signature, so TooOld only ever describes a genuine request.
        var age = TimeSpan.FromSeconds(Math.Abs((double)now.ToUnixTimeSeconds() - t));
        return age > tolerance ? WebhookSignatureResult.TooOld : WebhookSignatureResult.Valid;
    }

    private static bool Matches(IReadOnlyList<string> secrets, long t, ReadOnlySpan<byte> body, List<byte[]> signatures)
    {
        Span<byte> expected = stackalloc byte[HashBytes];
        foreach (var secret in secrets)
        {
            Sign(secret, t, body, expected);
            foreach (var signature in signatures)
            {
                if (CryptographicOperations.FixedTimeEquals(expected, signature))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryParse(string header, out long timestamp, out List<byte[]> signatures)
    {
        timestamp = 0;
        signatures = [];
        if (header.Length > MaxHeaderLength)
        {
            return false;
        }

        var sawTimestamp = false;
        foreach (var part in header.Split(','))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                return false;
            }

            var key = part.AsSpan(0, equals).Trim();
            var value = part.AsSpan(equals + 1).Trim();
            if (key.SequenceEqual(TimestampKey))
            {
                if (sawTimestamp || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp))
                {
                    return false;
                }

                sawTimestamp = true;
            }
            else if (key.SequenceEqual(SignatureKey))
            {
                var bytes = new byte[HashBytes];
                if (value.Length != HashBytes * 2 || Convert.FromHexString(value, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != HashBytes)
                {
                    return false;
                }

                signatures.Add(bytes);
            }

            // Other keys (a future v2 scheme) are ignored, so that senders can add schemes before receivers know them.
        }

        return sawTimestamp && signatures.Count > 0;
    }

    private static void Sign(string secret, long t, ReadOnlySpan<byte> body, Span<byte> destination)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        Span<byte> prefix = stackalloc byte[21];
        t.TryFormat(prefix, out var written, default, CultureInfo.InvariantCulture);
        prefix[written++] = (byte)'.';
        hmac.AppendData(prefix[..written]);
        hmac.AppendData(body);
        hmac.GetHashAndReset(destination);
    }

    private static void CheckSecrets(IReadOnlyList<string> secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret is required.", nameof(secrets));
        }

        for (var i = 0; i < secrets.Count; i++)
        {
            if (string.IsNullOrEmpty(secrets[i]))
            {
                throw new ArgumentException($"Secret {i} is empty.", nameof(secrets));
            }
        }
    }
}
