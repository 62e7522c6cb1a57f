using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Returns.Carriers.TableRate;

/// <summary>
/// The table-rate carrier's own tracking numbers: a two-letter prefix, 14 digits and a Luhn check digit
/// (e.g. <c>TR123456789012347</c>). A number is derived from the shipment's idempotency key, so retrying a request,
/// even after a restart, yields the same number and never a second label.
/// </summary>
public static class TrackingNumbers
{
    private const int Digits = 14;

    /// <summary>Derives the tracking number for an idempotency key.</summary>
    /// <param name="prefix">Two upper-case ASCII letters.</param>
    /// <param name="idempotencyKey">The shipment request's idempotency key.</param>
    /// <returns>The tracking number.</returns>
    /// <exception cref="ArgumentException">The prefix is not two upper-case letters, or the key is blank.</exception>
    public static string Create(string prefix, string idempotencyKey)
    {
        ValidatePrefix(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey), hash);
        var number = BitConverter.ToUInt64(hash) % 100_000_000_000_000UL;
        var digits = number.ToString("D14", CultureInfo.InvariantCulture);
        return prefix + digits + CheckDigit(digits).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>True when a tracking number has the right shape and check digit.</summary>
    /// <param name="trackingNumber">The number to check.</param>
    /// <returns>Whether it is valid.</returns>
    public static bool IsValid(string? trackingNumber)
    {
        if (trackingNumber is not { Length: 2 + Digits + 1 } || !char.IsAsciiLetterUpper(trackingNumber[0]) || !char.IsAsciiLetterUpper(trackingNumber[1]))
        {
            return false;
        }

        var digits = trackingNumber.AsSpan(2, Digits);
        foreach (var c in trackingNumber.AsSpan(2))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return CheckDigit(digits) == trackingNumber[^1] - '0';
    }

    // Luhn: double every second digit from the right of the payload, as the check digit will sit to its right.
    private static int CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - (sum % 10)) % 10;
    }

    internal static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length != 2 || !char.IsAsciiLetterUpper(prefix[0]) || !char.IsAsciiLetterUpper(prefix[1]))
        {
            throw new ArgumentException($"A tracking prefix is two upper-case letters; got '{prefix}'.", nameof(prefix));
        }
    }
}
